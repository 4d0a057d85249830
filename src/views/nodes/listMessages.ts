import type { ListEnd } from '../../sentry/http/page';

/** The row that ends a list Sentry said has more, but that cannot go on. */
export function listEndText(end: ListEnd): string {
  switch (end.kind) {
    case 'foreignLink':
      return `The next page is on ${end.origin}, which is not your Sentry server; it was not loaded.`;
    case 'noCursor':
      return 'The list may be incomplete: Sentry said there is more, but sent no cursor to ask for it.';
    case 'repeatedPage':
      return 'The list may be incomplete: Sentry sent a page it had already sent, so loading stopped here.';
  }
}

export const DEFAULT_ISSUE_QUERY = 'is:unresolved';

/** An empty issue list names the query only when the user chose one. */
export function emptyIssuesText(query: string): string {
  const trimmed = query.trim();
  if (!trimmed) return 'No issues.';
  if (trimmed === DEFAULT_ISSUE_QUERY) return 'No unresolved issues.';
  return `No issues match "${trimmed}".`;
}
