/**
 * How much of an event the panel paints at once. Whatever the event's size, the first paint holds at
 * most these many rows and characters; the rest is asked for by the webview when the user opens it.
 */
export const LIMITS = {
  /** Characters of a string value shown before "show all". */
  stringPreview: 300,
  /** Characters a "show all" of one string returns; past that the text is cut and says so. */
  stringFull: 1_000_000,
  /** Characters of one source line. */
  codeLine: 1_000,
  /** Characters of a key, a label or a header value in a table. */
  label: 200,
  /** Entries of an object or array shown before "show more". */
  entriesPage: 100,
  /** A top-level object or array this small is shown open; a folded one larger than this is painted when opened. */
  openEntries: 10,
  /** Nesting levels painted inline; deeper values open on demand. */
  inlineDepth: 3,
  /** Value cells the whole first paint may hold before the rest is deferred. */
  valueCells: 4_000,
  /** Frame rows of one stack per page. */
  framesPage: 200,
  /** Frame rows of a stack's first page: what a reader looks at first, painted before anything else. */
  framesFirstPage: 50,
  /**
   * Frame rows of the first page the panel's first HTML holds (a screenful); the page's rest follows in
   * a fragment the page asks for as soon as it has painted.
   */
  framesFirstScreen: 15,
  /** In-app frame bodies (context and variables) expanded per page of frames. */
  expandedFramesPage: 10,
  /**
   * Characters the sections below the stack trace (breadcrumbs, tags, request…) may add to the first
   * paint; past that they follow in one fragment the page asks for as soon as it has painted.
   */
  firstPaintRest: 32_000,
  /** Rows of tags, modules, headers and cookies per page. */
  rowsPage: 300,
  breadcrumbsPage: 200,
  /** Exception values and messages shown in the header before "show all". */
  headline: 2_000,
} as const;
