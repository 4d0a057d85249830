/**
 * One model for both event forms Sentry produces: the API form (`entries[]`, camelCase frames with
 * `context: [[lineNo, code], …]`) and the SDK/ingestion form (snake_case, `exception.values[]`,
 * `pre_context` / `context_line` / `post_context`). Every field that may be missing is optional;
 * nothing here is trusted: it is data written by whoever can send events to the project.
 */

export interface Frame {
  filename?: string;
  absPath?: string;
  module?: string;
  package?: string;
  function?: string;
  platform?: string;
  lineNo?: number;
  colNo?: number;
  /** Sentry's in-app flag; frames that do not say are treated as not in-app. */
  inApp: boolean;
  /** Source lines before `contextLine`, oldest first. */
  preContext: string[];
  contextLine?: string;
  postContext: string[];
  /** Local variables as Sentry sent them (already stringified by the SDK, usually). */
  vars?: Record<string, unknown>;
}

/** Frames as Sentry orders them: caller first, the frame that raised last. */
export interface Stacktrace {
  frames: Frame[];
}

export interface ExceptionInfo {
  type: string;
  value: string;
  module?: string;
  mechanism?: { type?: string; handled?: boolean };
  threadId?: string;
  stacktrace?: Stacktrace;
  /** Frames before source maps / symbolication, when Sentry kept them. */
  rawStacktrace?: Stacktrace;
}

export interface ThreadInfo {
  id?: string;
  name?: string;
  crashed: boolean;
  current: boolean;
  stacktrace?: Stacktrace;
}

export interface Breadcrumb {
  timestamp?: string;
  type?: string;
  category?: string;
  level?: string;
  message?: string;
  data?: Record<string, unknown>;
}

export interface EventUser {
  id?: string;
  email?: string;
  username?: string;
  ipAddress?: string;
  name?: string;
  /** Where the user was, as Sentry derived it from the IP (`city`, `country_code`, `region`…). */
  geo?: Array<[string, string]>;
}

export interface EventRequest {
  url?: string;
  method?: string;
  query?: string;
  headers: Array<[string, string]>;
  data?: unknown;
  cookies?: Array<[string, string]>;
}

export interface SentryEvent {
  /** The 32-hex event id (`eventID` in the API form, `event_id` in the store form). */
  eventId: string;
  groupId?: string;
  projectId?: string;
  title: string;
  message?: string;
  platform?: string;
  level?: string;
  /** ISO-8601. */
  dateCreated?: string;
  culprit?: string;
  release?: string;
  environment?: string;
  user?: EventUser;
  tags: Array<{ key: string; value: string }>;
  /** As Sentry lists them: oldest (root cause) first, the exception that was raised last. */
  exceptions: ExceptionInfo[];
  threads: ThreadInfo[];
  /** A bare stack trace (no exception), e.g. a message event with `attach_stacktrace`. */
  stacktrace?: Stacktrace;
  breadcrumbs: Breadcrumb[];
  request?: EventRequest;
  contexts: Record<string, unknown>;
  extra: Record<string, unknown>;
  sdk?: { name?: string; version?: string };
  /** Installed packages and their versions (`modules` in the store form, `packages` in the API form). */
  modules?: Array<[string, string]>;
  /** Which form the input was in. */
  form: 'api' | 'store';
  /** Whether the input carried full detail (entries / exception values) or only a list summary. */
  hasDetail: boolean;
  /** Human-readable notes on parts of the input that could not be read. */
  problems: string[];
}
