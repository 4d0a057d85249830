import { basename } from 'node:path';
import type * as vscode from 'vscode';
import type { Session } from '../../auth/session';
import type { FrameOpener, OpenFrameResult } from '../../editor/frameOpener';
import type { LocalEventFiles } from '../../model/localEventFiles';
import { type LocalEventRef, localEventKey } from '../../model/localEventRef';
import { type EventRef, type FrameRef, type IssueRef, eventKey, readIssueRef } from '../../model/refs';
import type { SentryData } from '../../model/sentryData';
import { webPageOf } from '../../model/webPages';
import type { SentryEvent } from '../../sentry/event/eventModel';
import { statusText, statusWord } from '../issueState';
import type { EventHeaderContext } from './renderContext';

/**
 * What a panel shows and how it acts on it: a Sentry event (by ref, through the data service and the
 * store) or an event of an opened file (offline). The panel itself does not know which.
 */
export interface PanelEventSource {
  /** One panel per key. */
  readonly key: string;
  /** The panel's title until the event is loaded. */
  readonly pendingTitle: string;
  /** The organization a tag click searches; undefined for a file's event (the search asks which). */
  readonly searchOrg?: string;
  load(): Promise<SentryEvent>;
  /** The issue whose changes re-render the header; undefined for a file's event. */
  issueOf(event: SentryEvent): IssueRef | undefined;
  /** Issue and links as the store knows them now. */
  header(event: SentryEvent): EventHeaderContext;
  /** Asks Sentry for the issue when the store lacks it (its short id and title belong in the header); false when nothing was asked. */
  fetchIssue(event: SentryEvent): Promise<boolean>;
  openFrame(event: SentryEvent, frame: FrameRef, viewColumn: vscode.ViewColumn): Promise<OpenFrameResult>;
}

export interface SentrySourceDeps {
  session: Session;
  data: SentryData;
  frames: FrameOpener;
}

export function sentryEventSource(ref: EventRef, deps: SentrySourceDeps): PanelEventSource {
  const issueOf = (event: SentryEvent): IssueRef | undefined => readIssueRef({ org: ref.org, issueId: ref.issueId ?? event.groupId });
  return {
    key: eventKey(ref),
    pendingTitle: `Event ${ref.eventId.slice(0, 8)}`,
    searchOrg: ref.org,
    load: () => deps.data.getEvent(ref),
    issueOf,
    header: (event) => {
      const issueRef = issueOf(event);
      const issue = issueRef && deps.data.store.issue(issueRef);
      const baseUrl = deps.session.credentials?.url;
      return {
        issueShortId: issue?.shortId,
        issueTitle: issue?.title,
        issueStatus: issue && (statusText(issue) ?? issue.status),
        issueState: issue && { status: statusWord(issue), bookmarked: issue.isBookmarked === true, assignee: issue.assignee || issue.assignedTo || undefined },
        issuePermalink: baseUrl && issueRef ? webPageOf(issueRef, baseUrl, deps.data.store) : undefined,
        eventUrl: baseUrl ? webPageOf({ ...ref, issueId: issueRef?.issueId }, baseUrl, deps.data.store) : undefined,
      };
    },
    fetchIssue: async (event) => {
      const issueRef = issueOf(event);
      if (!issueRef || deps.data.store.issue(issueRef) || !deps.session.client) return false;
      await deps.data.getIssue(issueRef);
      return true;
    },
    openFrame: (_event, frame, viewColumn) => deps.frames.openInEvent(ref, frame, { viewColumn }),
  };
}

export function fileEventSource(ref: LocalEventRef, files: LocalEventFiles, frames: FrameOpener): PanelEventSource {
  const name = basename(ref.file);
  return {
    key: localEventKey(ref),
    pendingTitle: `${name} #${ref.index + 1}`,
    load: () => files.load(ref),
    issueOf: () => undefined,
    header: () => {
      const count = files.get(ref.file)?.summaries.length;
      return { sourceLabel: count === undefined || count === 1 ? name : `${name}, event ${ref.index + 1} of ${count}` };
    },
    fetchIssue: async () => false,
    openFrame: (event, frame, viewColumn) => frames.openInParsedEvent(event, frame, { viewColumn }),
  };
}
