/**
 * Why a list stopped although the server said more was there: its next page is on another origin
 * (never followed with the token), it named no cursor the client can echo, or a page repeated the
 * one before it.
 */
export type ListEnd = { kind: 'foreignLink'; origin: string } | { kind: 'noCursor' } | { kind: 'repeatedPage' };

/** One page of a cursor-paginated list. Cursors are opaque: only ever echoed back to Sentry. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
  prevCursor?: string;
  /** Set when the list cannot go on though the server said it has more. */
  end?: ListEnd;
}
