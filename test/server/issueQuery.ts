import { ApiIssue, ApiTag } from './apiTypes';
import { badRequest } from './responses';

/**
 * A small subset of Sentry's issue search, good enough for tests and the demo:
 * `is:unresolved|resolved|ignored|archived|assigned|unassigned|bookmarked`, `level:x`,
 * `assigned:x`, any `tag:value` (`release:`, `environment:`, … matched against the issue's event tags,
 * `*` wildcards, `key:[a,b]` lists), `!` negation, and bare words or "quoted phrases" matched
 * case-insensitively against title, culprit and short id.
 */

export interface SearchableIssue {
  issue: ApiIssue;
  tags: readonly ApiTag[];
}

type Term =
  | { kind: 'text'; text: string }
  | { kind: 'field'; key: string; values: string[]; negate: boolean };

const IS_VALUES = ['unresolved', 'resolved', 'ignored', 'archived', 'assigned', 'unassigned', 'bookmarked', 'for_review'];

export const DEFAULT_ISSUE_QUERY = 'is:unresolved';

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (/\s/.test(c) && !quoted) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (quoted) {
    throw badRequest(
      `Error parsing search query: Parse error at '${current}' (column ${query.length}). ` +
        'This is commonly caused by unmatched parentheses. Enclose any text in double quotes.',
    );
  }
  if (current) tokens.push(current);
  return tokens;
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

function parseValues(raw: string): string[] {
  const value = unquote(raw);
  if (value.startsWith('[') && value.endsWith(']')) {
    return value
      .slice(1, -1)
      .split(',')
      .map((v) => unquote(v.trim()))
      .filter((v) => v !== '');
  }
  return [value];
}

export function parseIssueQuery(query: string): Term[] {
  return tokenize(query).map((token): Term => {
    const field = /^(!?)([A-Za-z_][\w.-]*):(.+)$/.exec(token);
    if (!field) {
      return { kind: 'text', text: unquote(token).toLowerCase() };
    }
    const [, bang, key, raw] = field;
    const values = parseValues(raw);
    if (key === 'is') {
      const bad = values.find((v) => !IS_VALUES.includes(v));
      if (bad !== undefined) {
        throw badRequest(`Invalid value for "is" search, valid values are {${IS_VALUES.join(', ')}}`);
      }
    }
    return { kind: 'field', key, values, negate: bang === '!' };
  });
}

function globMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) {
    return pattern === value;
  }
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 'i').test(value);
}

function isMatch(issue: ApiIssue, value: string): boolean {
  switch (value) {
    case 'unresolved':
      return issue.status === 'unresolved';
    case 'resolved':
      return issue.status === 'resolved';
    case 'ignored':
    case 'archived':
      return issue.status === 'ignored';
    case 'assigned':
      return issue.assignedTo !== null;
    case 'unassigned':
      return issue.assignedTo === null;
    case 'bookmarked':
      return issue.isBookmarked;
    case 'for_review':
      return issue.status === 'unresolved' && !issue.hasSeen;
    default:
      return false;
  }
}

function assigneeMatch(issue: ApiIssue, value: string): boolean {
  const actor = issue.assignedTo;
  if (!actor) {
    return false;
  }
  const wanted = value.replace(/^#/, '').toLowerCase();
  const names = actor.type === 'user' ? [actor.id, actor.name, actor.email] : [actor.id, actor.name, `team:${actor.id}`];
  return names.some((n) => n.toLowerCase() === wanted);
}

function fieldMatch(item: SearchableIssue, key: string, value: string): boolean {
  switch (key) {
    case 'is':
      return isMatch(item.issue, value);
    case 'level':
      return item.issue.level === value;
    case 'assigned':
    case 'assigned_to':
      return assigneeMatch(item.issue, value);
    case 'issue':
      return item.issue.shortId.toLowerCase() === value.toLowerCase();
    default:
      return item.tags.some((t) => t.key === key && globMatch(value, t.value));
  }
}

function termMatch(item: SearchableIssue, term: Term): boolean {
  if (term.kind === 'text') {
    const { title, culprit, shortId } = item.issue;
    return [title, culprit, shortId].some((s) => s.toLowerCase().includes(term.text));
  }
  const matched = term.values.some((v) => fieldMatch(item, term.key, v));
  return term.negate ? !matched : matched;
}

export function filterIssues<T extends SearchableIssue>(items: readonly T[], query: string): T[] {
  const terms = parseIssueQuery(query);
  return items.filter((item) => terms.every((term) => termMatch(item, term)));
}

const PRIORITY_RANK: Record<string, number> = { high: 3, medium: 2, low: 1 };

type IssueComparator = (a: ApiIssue, b: ApiIssue) => number;

const byDate: IssueComparator = (a, b) => b.lastSeen.localeCompare(a.lastSeen);

const SORTS: Record<string, IssueComparator> = {
  date: byDate,
  new: (a, b) => b.firstSeen.localeCompare(a.firstSeen),
  freq: (a, b) => Number(b.count) - Number(a.count),
  user: (a, b) => b.userCount - a.userCount,
  priority: (a, b) => (PRIORITY_RANK[b.priority] ?? 0) - (PRIORITY_RANK[a.priority] ?? 0) || byDate(a, b),
  trends: byDate,
  inbox: byDate,
  recommended: byDate,
};

/** Sorts a copy; ties go to the higher (newer) id so every order is deterministic. */
export function sortIssues<T extends SearchableIssue>(items: readonly T[], sort: string): T[] {
  const compare = Object.prototype.hasOwnProperty.call(SORTS, sort) ? SORTS[sort] : undefined;
  if (!compare) {
    throw badRequest(`Invalid sort: ${sort}. Valid choices are ${Object.keys(SORTS).join(', ')}.`);
  }
  return [...items].sort((a, b) => compare(a.issue, b.issue) || Number(b.issue.id) - Number(a.issue.id));
}
