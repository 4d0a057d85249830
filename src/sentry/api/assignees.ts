import type { RequestOptions, SentryClient } from './client';
import { apiPath } from './apiPath';
import { ENDPOINTS } from './endpoints';
import { expectObject, parseList } from './responseParsers';
import { NotSentryError } from '../http/errors';
import { asRecord, nonEmptyText, toText } from '../json/jsonValues';

/** Someone or some team an issue can be assigned to; `actor` is what `assignedTo` takes (`user:12`, `team:4`). */
export interface Assignee {
  actor: string;
  kind: 'user' | 'team';
  /** A person's name (or e-mail), a team's `#slug`. */
  name: string;
  /** An e-mail or a team's display name, when it adds something. */
  detail?: string;
}

/** The user the token belongs to. */
export interface CurrentUser {
  id: string;
  name: string;
  email?: string;
}

const MAX_PAGES = 5;

/**
 * `GET /organizations/{org}/users/?project={id}`: the members who can see the project, the people
 * Sentry's own assignee menu offers. It needs `org:read` (the members list needs `member:read`,
 * which a browsing token seldom has). Members still invited, without a user, cannot be assigned.
 */
export async function listAssignableUsers(client: SentryClient, org: string, projectId: string, options: RequestOptions = {}): Promise<Assignee[]> {
  const response = await client.read(org, apiPath`/organizations/${org}/users/`, { project: projectId }, ENDPOINTS.assignableUsers, options);
  return parseList(response.json, 'members', parseMemberUser);
}

/** `GET /projects/{org}/{project}/teams/` (pages followed, a few at most): the teams an issue of this project can go to. */
export async function listProjectTeams(client: SentryClient, org: string, project: string, options: RequestOptions = {}): Promise<Assignee[]> {
  const teams: Assignee[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await client.read(org, apiPath`/projects/${org}/${project}/teams/`, { cursor }, ENDPOINTS.projectTeams, options);
    teams.push(...parseList(response.json, 'teams', parseTeam));
    cursor = client.nextCursor(org, response);
    if (!cursor) break;
  }
  return teams;
}

/** `GET /api/0/`: Sentry says whose token this is (`user`), as sentry-cli's `info` reads it. */
export async function getCurrentUser(client: SentryClient, options: RequestOptions = {}): Promise<CurrentUser> {
  const response = await client.read(undefined, apiPath`/`, {}, ENDPOINTS.authInfo, options);
  const user = asRecord(expectObject(response.json, 'the API index').user);
  const id = toText(user?.id);
  if (!user || !id) throw new NotSentryError('Sentry did not say which user this token belongs to (an organization or integration token has none), so "Assign to Me" cannot work with it.');
  const email = nonEmptyText(user.email);
  return { id, name: nonEmptyText(user.name) ?? email ?? nonEmptyText(user.username) ?? `user ${id}`, email };
}

function parseMemberUser(raw: unknown): Assignee | undefined {
  const member = asRecord(raw);
  const user = asRecord(member?.user);
  const id = toText(user?.id);
  if (!member || !user || !id) return undefined;
  const email = nonEmptyText(user.email) ?? nonEmptyText(member.email);
  const name = nonEmptyText(user.name) ?? nonEmptyText(member.name) ?? email ?? `user ${id}`;
  return { actor: `user:${id}`, kind: 'user', name, detail: email !== name ? email : undefined };
}

function parseTeam(raw: unknown): Assignee | undefined {
  const team = asRecord(raw);
  const id = toText(team?.id);
  const slug = nonEmptyText(team?.slug);
  if (!team || !id || !slug) return undefined;
  const name = nonEmptyText(team.name);
  return { actor: `team:${id}`, kind: 'team', name: `#${slug}`, detail: name && name !== slug ? name : undefined };
}
