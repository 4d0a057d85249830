import { ApiActor, JsonObject, JsonValue } from './apiTypes';
import { IssueEntry } from './dataStore';
import { badRequest, HttpError, jsonResponse } from './responses';

/** `PUT /issues/{id}/`: status (resolve / ignore / unresolve), bookmark, assignee and a few flags. */

const STATUSES = ['resolved', 'unresolved', 'ignored', 'resolvedInNextRelease', 'muted'];
const SUBSTATUSES = [
  'archived_until_escalating',
  'archived_until_condition_met',
  'archived_forever',
  'escalating',
  'ongoing',
  'regressed',
  'new',
];
const FLAGS = ['isBookmarked', 'hasSeen', 'isSubscribed', 'isPublic'] as const;

function fieldError(field: string, message: string): HttpError {
  // DRF serializer errors: `{"field": ["message"]}`.
  return new HttpError(jsonResponse(400, { [field]: [message] }));
}

function parseBody(body: string): JsonObject {
  let value: JsonValue;
  try {
    value = JSON.parse(body === '' ? '{}' : body) as JsonValue;
  } catch (error) {
    throw badRequest(`JSON parse error - ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('JSON parse error - expected an object');
  }
  return value;
}

function resolveActor(entry: IssueEntry, input: JsonValue): ApiActor | null {
  if (input === null || input === '') {
    return null;
  }
  if (typeof input !== 'string') {
    throw fieldError('assignedTo', 'Unknown actor input');
  }
  const { members, teams } = entry.organization;
  const team = /^team:(.+)$/.exec(input);
  if (team) {
    const found = teams.find((t) => t.id === team[1] || t.slug === team[1]);
    if (!found) throw fieldError('assignedTo', 'Unknown actor input');
    return { type: 'team', id: found.id, name: found.slug };
  }
  const key = input.replace(/^user:/, '').toLowerCase();
  const member = members.find((m) => [m.id, m.username.toLowerCase(), m.email.toLowerCase()].includes(key));
  if (!member) throw fieldError('assignedTo', 'Unknown actor input');
  return { type: 'user', id: member.id, name: member.name, email: member.email };
}

function applyStatus(entry: IssueEntry, status: string, substatus: JsonValue | undefined, details: JsonObject): void {
  const issue = entry.issue;
  switch (status) {
    case 'resolved':
    case 'resolvedInNextRelease':
      issue.status = 'resolved';
      issue.substatus = null;
      issue.statusDetails = status === 'resolvedInNextRelease' ? { inNextRelease: true } : details;
      break;
    case 'unresolved':
      issue.status = 'unresolved';
      issue.substatus = 'ongoing';
      issue.statusDetails = {};
      break;
    default: {
      // ignored / muted: "archive" in today's UI.
      const conditional = Object.keys(details).some((k) => k.startsWith('ignore'));
      issue.status = 'ignored';
      issue.substatus =
        typeof substatus === 'string' ? substatus : conditional ? 'archived_until_condition_met' : 'archived_forever';
      issue.statusDetails = ignoredDetails(details);
    }
  }
}

/** As Sentry serializes a snooze: a duration becomes the time it ends (`ignoreUntil`); counts and windows stay. */
function ignoredDetails(details: JsonObject): JsonObject {
  const { ignoreDuration, ...rest } = details;
  if (typeof ignoreDuration !== 'number') return rest;
  return { ...rest, ignoreUntil: new Date(Date.now() + ignoreDuration * 60_000).toISOString() };
}

/** Sentry's StatusDetailsValidator: "Next Release" needs a release of the project to start from. */
function checkNextRelease(entry: IssueEntry, status: JsonValue | undefined, details: JsonObject): void {
  const next = status === 'resolvedInNextRelease' || (status === 'resolved' && details.inNextRelease === true);
  if (next && entry.project.project.latestRelease === null) {
    throw new HttpError(
      jsonResponse(400, { statusDetails: { inNextRelease: ["No release data present in the system to form a basis for 'Next Release'"] } }),
    );
  }
}

/** Validates everything first, then applies it: a 400 leaves the issue untouched. */
export function updateIssue(entry: IssueEntry, body: string): void {
  const input = parseBody(body);
  const status = input.status;
  if (status !== undefined && (typeof status !== 'string' || !STATUSES.includes(status))) {
    throw fieldError('status', `"${String(status)}" is not a valid choice.`);
  }
  const substatus = input.substatus;
  if (substatus !== undefined && substatus !== null && (typeof substatus !== 'string' || !SUBSTATUSES.includes(substatus))) {
    throw fieldError('substatus', `"${String(substatus)}" is not a valid choice.`);
  }
  const details = input.statusDetails ?? {};
  if (typeof details !== 'object' || details === null || Array.isArray(details)) {
    throw fieldError('statusDetails', 'Invalid data. Expected a dictionary.');
  }
  for (const flag of FLAGS) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') {
      throw fieldError(flag, 'Must be a valid boolean.');
    }
  }
  const assignee = 'assignedTo' in input ? resolveActor(entry, input.assignedTo) : undefined;
  checkNextRelease(entry, status, details);

  if (typeof status === 'string') {
    applyStatus(entry, status, substatus, details);
  }
  for (const flag of FLAGS) {
    const value = input[flag];
    if (typeof value === 'boolean') {
      entry.issue[flag] = value;
    }
  }
  if (assignee !== undefined) {
    entry.issue.assignedTo = assignee;
  }
}
