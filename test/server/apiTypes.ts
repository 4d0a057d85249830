/**
 * JSON shapes of Sentry's REST API (API form, camelCase), as far as the test server produces them.
 * Field names follow the real responses in /work/shared/sentry-fixtures (see its SOURCES.md).
 * Declared as type aliases (not interfaces) so every shape is assignable to `JsonValue`.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type ApiAvatar = { avatarType: string; avatarUuid: string | null };

export type ApiOrganizationLinks = { organizationUrl: string; regionUrl: string };

export type ApiOrganization = {
  id: string;
  slug: string;
  name: string;
  dateCreated: string;
  avatar: ApiAvatar;
  features: string[];
  hasAuthProvider: boolean;
  isEarlyAdopter: boolean;
  allowMemberInvite: boolean;
  allowMemberProjectCreation: boolean;
  allowSuperuserAccess: boolean;
  require2FA: boolean;
  status: { id: string; name: string };
  /** Added by the server (its own URL unless `regionUrls` says otherwise) when absent here. */
  links?: ApiOrganizationLinks;
};

export type ApiTeamRef = { id: string; name: string; slug: string };

export type ApiProject = {
  id: string;
  slug: string;
  name: string;
  platform: string;
  dateCreated: string;
  firstEvent: string | null;
  isBookmarked: boolean;
  isMember: boolean;
  hasAccess: boolean;
  access: string[];
  team: ApiTeamRef;
  teams: ApiTeamRef[];
  environments: string[];
  features: string[];
  platforms: string[];
  hasSessions: boolean;
  hasMinifiedStackTrace: boolean;
  latestRelease: { version: string } | null;
};

export type ApiProjectRef = { id: string; name: string; slug: string; platform: string };

export type ApiActor =
  | { type: 'user'; id: string; name: string; email: string }
  | { type: 'team'; id: string; name: string };

export type ApiIssue = {
  id: string;
  shareId: string | null;
  shortId: string;
  title: string;
  culprit: string;
  /** Web URL of the issue. Built by the server from its own URL when absent. */
  permalink?: string;
  logger: string | null;
  level: string;
  status: string;
  statusDetails: JsonObject;
  substatus: string | null;
  isPublic: boolean;
  platform: string;
  priority: string;
  priorityLockedAt: string | null;
  project: ApiProjectRef;
  type: string;
  issueType: string;
  issueCategory: string;
  metadata: JsonObject;
  numComments: number;
  assignedTo: ApiActor | null;
  isBookmarked: boolean;
  isSubscribed: boolean;
  subscriptionDetails: JsonObject | null;
  hasSeen: boolean;
  annotations: JsonValue[];
  isUnhandled: boolean;
  count: string;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  stats: { [period: string]: Array<[number, number]> };
};

export type ApiFrame = {
  filename: string | null;
  absPath: string | null;
  module: string | null;
  package: string | null;
  platform: string | null;
  instructionAddr: string | null;
  symbolAddr: string | null;
  function: string | null;
  rawFunction: string | null;
  symbol: string | null;
  /** Pre-context, the current line and post-context, each as `[lineNo, code]`. */
  context: Array<[number, string]>;
  lineNo: number | null;
  colNo: number | null;
  inApp: boolean;
  trust: string | null;
  errors: JsonValue[] | null;
  lock: JsonValue;
  sourceLink: string | null;
  vars: JsonObject | null;
};

export type ApiStacktrace = {
  frames: ApiFrame[];
  framesOmitted: number[] | null;
  registers: JsonObject | null;
  hasSystemFrames: boolean;
};

export type ApiMechanism = {
  type: string;
  handled: boolean;
  source?: string;
  exception_id?: number;
  parent_id?: number;
  is_exception_group?: boolean;
};

export type ApiExceptionValue = {
  type: string;
  value: string;
  module: string | null;
  mechanism: ApiMechanism | null;
  threadId: number | null;
  stacktrace: ApiStacktrace | null;
  rawStacktrace: ApiStacktrace | null;
};

export type ApiThread = {
  id: number;
  name: string | null;
  crashed: boolean;
  current: boolean;
  state?: string;
  stacktrace: ApiStacktrace | null;
  rawStacktrace: ApiStacktrace | null;
};

export type ApiBreadcrumb = {
  timestamp: string;
  type: string;
  category: string | null;
  level: string;
  message: string | null;
  data: JsonObject | null;
  event_id: string | null;
};

export type ApiRequestData = {
  url: string;
  method: string | null;
  query: Array<[string, string]>;
  fragment: string | null;
  data: JsonValue;
  headers: Array<[string, string]>;
  cookies: Array<[string, string]>;
  env: JsonObject | null;
  inferredContentType: string | null;
  apiTarget: string | null;
};

export type ApiEntry =
  | { type: 'exception'; data: { values: ApiExceptionValue[]; excOmitted: number[] | null; hasSystemFrames: boolean } }
  | { type: 'message'; data: { formatted: string; message?: string; params?: JsonValue[] } }
  | { type: 'breadcrumbs'; data: { values: ApiBreadcrumb[] } }
  | { type: 'request'; data: ApiRequestData }
  | { type: 'threads'; data: { values: ApiThread[] } }
  | { type: 'stacktrace'; data: ApiStacktrace };

export type ApiTag = { key: string; value: string };

export type ApiEventUser = {
  id: string | null;
  email: string | null;
  username: string | null;
  ip_address: string | null;
  name: string | null;
  geo?: JsonObject;
  data: JsonObject | null;
};

export type ApiRelease = {
  version: string;
  shortVersion: string;
  ref: string | null;
  url: string | null;
  dateCreated: string;
  dateReleased: string | null;
  commitCount: number;
  deployCount: number;
  lastCommit: JsonObject | null;
  lastDeploy: JsonObject | null;
  authors: JsonValue[];
  data: JsonObject;
  projects: Array<{ name: string; slug: string }>;
};

export type ApiEvent = {
  id: string;
  eventID: string;
  groupID: string;
  projectID: string;
  size: number;
  title: string;
  message: string;
  platform: string;
  type: string;
  dateCreated: string;
  dateReceived: string;
  culprit: string;
  location: string | null;
  dist: string | null;
  user: ApiEventUser | null;
  tags: ApiTag[];
  entries: ApiEntry[];
  contexts: JsonObject;
  context: JsonObject;
  sdk: { name: string; version: string } | null;
  release: ApiRelease | null;
  metadata: JsonObject;
  errors: JsonValue[];
  fingerprints: string[];
  packages: JsonObject;
  groupingConfig: JsonObject | null;
  crashFile: string | null;
  userReport: JsonValue;
  sdkUpdates: JsonValue[];
  resolvedWith: JsonValue[];
  occurrence: JsonValue;
  /** Filled in by the server from the issue's event order (newer / older neighbour). */
  nextEventID: string | null;
  previousEventID: string | null;
  _meta: JsonObject;
};

/** One item of the issue-events list without `full=true` (`api-issue-events-list.openapi.json`). */
export type ApiEventSummary = {
  id: string;
  eventID: string;
  groupID: string;
  projectID: string;
  title: string;
  message: string;
  platform: string;
  'event.type': string;
  dateCreated: string;
  culprit: string;
  location: string | null;
  user: ApiEventUser | null;
  tags: ApiTag[];
  metadata: JsonObject;
  crashFile: string | null;
};
