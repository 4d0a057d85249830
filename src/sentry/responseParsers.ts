import { NotSentryError } from './errors';
import { arr, bool, num, obj, str, text } from './lenient';
import type { Issue, IssueLevel, Organization, Project } from './types';

const LEVELS: readonly IssueLevel[] = ['fatal', 'error', 'warning', 'info', 'debug', 'sample'];

/** Checks that a list endpoint answered with a list; items that are not objects with an id are skipped. */
export function parseList<T>(json: unknown, what: string, parseItem: (item: unknown) => T | undefined): T[] {
  const list = arr(json);
  if (!list) throw new NotSentryError(`The server's answer is not a list of ${what}, so it does not look like Sentry's API.`);
  const items: T[] = [];
  for (const raw of list) {
    const item = parseItem(raw);
    if (item !== undefined) items.push(item);
  }
  return items;
}

export function parseOrganization(raw: unknown): Organization | undefined {
  const o = obj(raw);
  const slug = text(o?.slug);
  if (!o || !slug) return undefined;
  const links = obj(o.links);
  return {
    id: str(o.id) ?? slug,
    slug,
    name: text(o.name) ?? slug,
    regionUrl: text(links?.regionUrl),
    organizationUrl: text(links?.organizationUrl),
  };
}

export function parseProject(raw: unknown, organizationSlug: string): Project | undefined {
  const o = obj(raw);
  const slug = text(o?.slug);
  if (!o || !slug) return undefined;
  return {
    id: str(o.id) ?? slug,
    slug,
    name: text(o.name) ?? slug,
    platform: text(o.platform),
    organizationSlug,
  };
}

export function parseIssue(raw: unknown): Issue | undefined {
  const o = obj(raw);
  const id = str(o?.id);
  if (!o || !id) return undefined;
  const metadata = obj(o.metadata);
  const project = obj(o.project);
  const level = str(o.level) as IssueLevel | undefined;
  return {
    id,
    shortId: text(o.shortId) ?? id,
    title: text(o.title) ?? text(metadata?.title) ?? '<unlabeled issue>',
    culprit: str(o.culprit) ?? '',
    level: level && LEVELS.includes(level) ? level : 'unknown',
    status: str(o.status) ?? 'unknown',
    count: num(o.count) ?? 0,
    userCount: num(o.userCount) ?? 0,
    firstSeen: text(o.firstSeen),
    lastSeen: text(o.lastSeen),
    permalink: text(o.permalink),
    platform: text(o.platform),
    projectId: str(project?.id),
    projectSlug: text(project?.slug),
    isUnhandled: bool(o.isUnhandled),
    assignee: text(obj(o.assignedTo)?.name),
  };
}

export function expectObject(json: unknown, what: string): Record<string, unknown> {
  const o = obj(json);
  if (!o) throw new NotSentryError(`The server's answer is not ${what}, so it does not look like Sentry's API.`);
  return o;
}
