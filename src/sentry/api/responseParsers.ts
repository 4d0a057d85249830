import { NotSentryError } from '../http/errors';
import { asList, asRecord, nonEmptyText, toBoolean, toNumber, toText } from '../json/jsonValues';
import type { Issue, IssueLevel, Organization, Project } from './types';

const LEVELS: readonly IssueLevel[] = ['fatal', 'error', 'warning', 'info', 'debug', 'sample'];

/** Checks that a list endpoint answered with a list; items that are not objects with an id are skipped. */
export function parseList<T>(json: unknown, what: string, parseItem: (item: unknown) => T | undefined): T[] {
  const list = asList(json);
  if (!list) throw new NotSentryError(`The server's answer is not a list of ${what}, so it does not look like Sentry's API.`);
  const items: T[] = [];
  for (const raw of list) {
    const item = parseItem(raw);
    if (item !== undefined) items.push(item);
  }
  return items;
}

export function parseOrganization(raw: unknown): Organization | undefined {
  const o = asRecord(raw);
  const slug = nonEmptyText(o?.slug);
  if (!o || !slug) return undefined;
  const links = asRecord(o.links);
  return {
    id: toText(o.id) ?? slug,
    slug,
    name: nonEmptyText(o.name) ?? slug,
    regionUrl: nonEmptyText(links?.regionUrl),
    organizationUrl: nonEmptyText(links?.organizationUrl),
  };
}

export function parseProject(raw: unknown, organizationSlug: string): Project | undefined {
  const o = asRecord(raw);
  const slug = nonEmptyText(o?.slug);
  if (!o || !slug) return undefined;
  return {
    id: toText(o.id) ?? slug,
    slug,
    name: nonEmptyText(o.name) ?? slug,
    platform: nonEmptyText(o.platform),
    organizationSlug,
  };
}

export function parseIssue(raw: unknown): Issue | undefined {
  const o = asRecord(raw);
  const id = toText(o?.id);
  if (!o || !id) return undefined;
  const metadata = asRecord(o.metadata);
  const project = asRecord(o.project);
  const assigned = asRecord(o.assignedTo);
  const details = asRecord(o.statusDetails);
  const level = toText(o.level) as IssueLevel | undefined;
  return {
    id,
    shortId: nonEmptyText(o.shortId) ?? id,
    title: nonEmptyText(o.title) ?? nonEmptyText(metadata?.title) ?? '<unlabeled issue>',
    culprit: toText(o.culprit) ?? '',
    level: level && LEVELS.includes(level) ? level : 'unknown',
    status: toText(o.status) ?? 'unknown',
    count: toNumber(o.count) ?? 0,
    userCount: toNumber(o.userCount) ?? 0,
    firstSeen: nonEmptyText(o.firstSeen),
    lastSeen: nonEmptyText(o.lastSeen),
    permalink: nonEmptyText(o.permalink),
    platform: nonEmptyText(o.platform),
    projectId: toText(project?.id),
    projectSlug: nonEmptyText(project?.slug),
    isUnhandled: toBoolean(o.isUnhandled),
    assignee: nonEmptyText(assigned?.name) ?? nonEmptyText(assigned?.email),
    assignedTo: actorOf(assigned),
    resolvedInNextRelease: details?.inNextRelease === true ? true : undefined,
    ignoredUntil: nonEmptyText(details?.ignoreUntil),
    ignoredUntilCount: toNumber(details?.ignoreCount),
    ignoredUntilUserCount: toNumber(details?.ignoreUserCount),
    isBookmarked: toBoolean(o.isBookmarked),
    hasSeen: toBoolean(o.hasSeen),
    substatus: nonEmptyText(o.substatus),
  };
}

/** `{type: "user", id: "12"}` → `user:12`, the form `assignedTo` takes back. */
function actorOf(actor: Record<string, unknown> | undefined): string | undefined {
  const id = nonEmptyText(actor?.id);
  const type = actor?.type === 'team' ? 'team' : actor?.type === 'user' ? 'user' : undefined;
  return id && type ? `${type}:${id}` : undefined;
}

export function expectObject(json: unknown, what: string): Record<string, unknown> {
  const o = asRecord(json);
  if (!o) throw new NotSentryError(`The server's answer is not ${what}, so it does not look like Sentry's API.`);
  return o;
}
