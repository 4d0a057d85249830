import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { COMMANDS } from '../constants';
import { isIdText } from '../model/refs';
import type { SentryData } from '../model/sentryData';
import type { SentryLookups } from '../model/sentryLookups';
import { resolveTarget, ResolvedTarget } from '../model/targetResolver';
import { isLinkForServer } from '../sentry/api/linkSite';
import { LinkSite, OpenTarget, ParsedOpenInput, parseOpenInput } from '../sentry/api/openInput';
import { toAbortSignal } from '../views/cancellation';
import type { TreeReveal } from '../views/treeReveal';
import { untrustedText } from '../views/untrustedText';
import { openIssueEvent, openLatestEvent, openPinnedEvent } from './openEvents';

export interface OpenDeps {
  session: Session;
  data: SentryData;
  lookups: SentryLookups;
  reveal: TreeReveal;
}

/**
 * `Sentry: Open Issue or Event…`: a short id, an issue id, an event id (with its project or not), or
 * a Sentry link, given (a link handler, a test, a string) or asked for. Lands on the issue in the
 * tree with the event opened. True when it got there.
 */
export async function openIssueOrEvent(arg: unknown, deps: OpenDeps): Promise<boolean> {
  const given = readOpenArgs(arg);
  const parsed = given ?? (await askInput());
  if (!parsed) return false;
  if (!parsed.ok) throw new Error(parsed.reason);
  return openParsed(parsed, deps);
}

async function openParsed(parsed: Extract<ParsedOpenInput, { ok: true }>, deps: OpenDeps): Promise<boolean> {
  await deps.session.ensureLoaded();
  const baseUrl = deps.session.state === 'signedIn' ? deps.session.credentials?.url : undefined;
  if (!baseUrl) return offerSignIn(parsed.link, undefined);
  if (parsed.link && !(await linkIsHere(parsed.link, baseUrl, deps))) return offerSignIn(parsed.link, baseUrl);
  const resolved = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Looking for ${untrustedText(describe(parsed.target), 80)} in Sentry…`, cancellable: true },
    (_progress, cancel) => resolveTarget(parsed.target, deps, { signal: toAbortSignal(cancel) }),
  );
  await openResolved(resolved, deps.reveal);
  return true;
}

/** Reveals the issue, then opens the event the link named, or its latest. */
export async function openResolved(resolved: ResolvedTarget, reveal: TreeReveal): Promise<void> {
  await reveal.revealIssue(resolved.issue);
  const event = resolved.event;
  if (!event) return openLatestEvent(resolved.issue, reveal);
  if ('pinned' in event) return openPinnedEvent(resolved.issue, event.pinned, reveal);
  return openIssueEvent({ ...resolved.issue, eventId: event.eventId, project: event.project }, reveal);
}

/** The signed-in server, a sentry.io host when that is where the user signed in, or a host the server named for an organization. */
async function linkIsHere(link: LinkSite, baseUrl: string, deps: OpenDeps): Promise<boolean> {
  const hosts = () => organizationHosts(deps);
  if (isLinkForServer(link, baseUrl, hosts())) return true;
  // The organizations' own hosts are known once their list is loaded (usually cached by the tree).
  await deps.data.listOrganizations(undefined).catch(() => undefined);
  return isLinkForServer(link, baseUrl, hosts());
}

function organizationHosts(deps: OpenDeps): string[] {
  const hosts: string[] = [];
  const client = deps.session.client;
  for (const ref of deps.data.store.organizationRefs()) {
    const org = deps.data.store.organization(ref);
    if (org?.organizationUrl) hosts.push(org.organizationUrl);
    if (client) hosts.push(client.orgBase(ref.org));
  }
  return hosts;
}

/** Says the link is for another server (or that no one is signed in) and offers Sign In for the link's server; nothing is sent there. */
function offerSignIn(link: LinkSite | undefined, baseUrl: string | undefined): boolean {
  const linkHost = link ? untrustedText(link.host, 100) : undefined;
  const signedInHost = baseUrl ? untrustedText(new URL(baseUrl).host, 100) : undefined;
  const message =
    linkHost && signedInHost
      ? `This link is on ${linkHost}, but you are signed in to ${signedInHost}, so it was not opened and nothing was sent to ${linkHost}. ` +
        `To open it, sign in to ${linkHost} — only if you know and trust that Sentry server.`
      : linkHost
        ? `Sign in to Sentry at ${linkHost} to open this link (only if you know and trust that server).`
        : 'Sign in to Sentry to open issues and events.';
  const action = linkHost ? `Sign In to ${linkHost}` : 'Sign In';
  void vscode.window.showWarningMessage(message, action).then((choice) => {
    if (choice === action) void vscode.commands.executeCommand(COMMANDS.signIn, link ? { url: link.base } : undefined);
  });
  return false;
}

async function askInput(): Promise<ParsedOpenInput | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Sentry: Open Issue or Event',
    prompt: 'A Sentry link to an issue or event, a short id (BACKEND-1A2), an issue id, or an event id (optionally project:eventId)',
    placeHolder: 'https://acme.sentry.io/issues/1234567/ or BACKEND-1A2',
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (value.trim() === '') return undefined;
      const parsed = parseOpenInput(value);
      return parsed.ok ? undefined : untrustedText(parsed.reason, 300);
    },
  });
  return text === undefined || text.trim() === '' ? undefined : parseOpenInput(text);
}

/**
 * What a caller gave: the text itself, or `{url}`, `{input}`, `{issue, org?}`, `{event, org?, project?}`
 * (a link handler's query, a test). Undefined when nothing usable was given, so the user is asked.
 */
export function readOpenArgs(value: unknown): ParsedOpenInput | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : parseOpenInput(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const field = (key: string): string | undefined => {
    const v: unknown = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const org = field('org');
  const project = field('project');
  if ((org !== undefined && !isIdText(org)) || (project !== undefined && !isIdText(project))) {
    return { ok: false, reason: 'The organization or project given is not a Sentry slug.' };
  }
  const text = field('url') ?? field('input') ?? field('issue') ?? field('shortId') ?? field('event');
  if (text === undefined) return undefined;
  const parsed = parseOpenInput(text);
  if (!parsed.ok || parsed.link) return parsed;
  return { ok: true, target: scoped(parsed.target, org, project) };
}

/** An id given with its organization (and an event with its project) from separate fields. */
function scoped(target: OpenTarget, org: string | undefined, project: string | undefined): OpenTarget {
  const withOrg = org && target.org === undefined ? { ...target, org } : target;
  return withOrg.kind === 'event' && project && withOrg.project === undefined ? { ...withOrg, project } : withOrg;
}

function describe(target: OpenTarget): string {
  switch (target.kind) {
    case 'issue':
      return `issue ${target.issueId}`;
    case 'shortId':
      return target.shortId;
    case 'event':
      return `event ${target.eventId}`;
    case 'sharedIssue':
      return 'the shared issue';
  }
}
