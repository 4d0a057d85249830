import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { readConfig } from '../config';
import { COMMANDS, STATUS_BAR_ID } from '../constants';
import type { Subscription } from '../model/emitter';
import { RefreshSchedule } from '../model/refreshSchedule';
import type { ProjectRef } from '../model/refs';
import type { SentryLookups } from '../model/sentryLookups';
import type { SentryStore } from '../model/store';
import { CancelledError } from '../sentry/http/errors';
import type { Logger } from '../sentry/http/logger';
import type { CurrentProject } from './currentProject';
import { untrustedText } from './untrustedText';

export const UNRESOLVED_QUERY = 'is:unresolved';
/** After an issue of the project changes status, count again once Sentry has had time to take the change. */
const RECOUNT_AFTER_CHANGE_MS = 2000;

export interface IssueCountDeps {
  session: Session;
  lookups: SentryLookups;
  store: SentryStore;
  currentProject: CurrentProject;
  logger: Logger;
}

/**
 * The current project's unresolved-issue count in the status bar; a click opens the search on it.
 * One small request (`limit=1`, read from `X-Hits`) every few minutes (`sentry.statusBarRefreshMinutes`),
 * none while VS Code is unfocused, none before the session has loaded (never at activation); a
 * change of project or of an issue's status in it counts again.
 */
export class IssueCountStatus implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly schedule: RefreshSchedule;
  private readonly subscriptions: Array<vscode.Disposable | Subscription> = [];
  private counting?: AbortController;
  private recount?: ReturnType<typeof setTimeout>;
  /** The project (and server) the text is about, while it shows. */
  private shown?: { url: string; project: ProjectRef };
  /** Settles when the count in flight is shown (tests wait for it). */
  lastCount: Promise<void> = Promise.resolve();

  constructor(private readonly deps: IssueCountDeps) {
    this.item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'Sentry Unresolved Issues';
    this.schedule = new RefreshSchedule(() => (this.lastCount = this.count()), minutes(readConfig().statusBarRefreshMinutes), vscode.window.state.focused);
    this.subscriptions.push(
      vscode.window.onDidChangeWindowState((state) => this.schedule.setFocused(state.focused)),
      // A refresh or a new client keeps the count it shows (the interval renews it); a new server or project counts anew.
      deps.session.onDidChange(() => this.restart(false)),
      deps.currentProject.onDidChange(() => this.restart(true)),
      deps.store.onDidUpdateIssue(({ issue, previous }) => {
        const project = this.shown?.project;
        if (!project || issue.projectSlug !== project.project || issue.status === previous?.status) return;
        clearTimeout(this.recount);
        this.recount = setTimeout(() => this.restart(true), RECOUNT_AFTER_CHANGE_MS);
      }),
    );
  }

  /** The interval setting changed. */
  intervalChanged(): void {
    this.schedule.setInterval(minutes(readConfig().statusBarRefreshMinutes));
  }

  dispose(): void {
    clearTimeout(this.recount);
    this.counting?.abort();
    this.schedule.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  /** Signed in with a current project: count now (or when the window has focus again), unless that count shows already; else hide. */
  private restart(projectChanged: boolean): void {
    const project = this.deps.session.state === 'signedIn' ? this.deps.currentProject.ref : undefined;
    const url = this.deps.session.credentials?.url;
    if (!project || !url) {
      this.counting?.abort();
      this.schedule.pause();
      this.shown = undefined;
      this.item.hide();
      return;
    }
    const showing = this.shown && this.shown.url === url && this.shown.project.org === project.org && this.shown.project.project === project.project;
    if (showing && !projectChanged) return;
    this.counting?.abort();
    this.schedule.refreshNow();
  }

  private async count(): Promise<void> {
    const project = this.deps.session.state === 'signedIn' ? this.deps.currentProject.ref : undefined;
    const url = this.deps.session.credentials?.url;
    if (!project || !url) return;
    this.counting?.abort();
    const controller = new AbortController();
    this.counting = controller;
    const name = untrustedText(project.project, 40);
    this.item.command = { command: COMMANDS.searchIssues, title: 'Search Unresolved Issues', arguments: [{ org: project.org, project: project.project, query: UNRESOLVED_QUERY }] };
    try {
      const counted = await this.deps.lookups.countIssues(project, UNRESOLVED_QUERY, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.shown = { url, project };
      const number = counted ? `${counted.count}${counted.atLeast ? '+' : ''}` : '?';
      this.item.text = `$(bug) ${name}: ${number}`;
      this.item.tooltip = `${counted ? `${number} unresolved issue${counted.count === 1 && !counted.atLeast ? '' : 's'}` : 'Sentry did not count the unresolved issues'} in ${name} (${new Date().toLocaleTimeString()}). Click to search them.`;
    } catch (error) {
      if (controller.signal.aborted || error instanceof CancelledError) return;
      this.deps.logger.warn(`Could not count the unresolved issues of ${project.org}/${project.project}.`, error);
      // Not counted: the next refresh or sign-in tries again.
      this.shown = undefined;
      this.item.text = `$(bug) ${name}: ?`;
      this.item.tooltip = untrustedText(`Could not count the unresolved issues of ${project.project}: ${error instanceof Error ? error.message : String(error)}`, 400);
    } finally {
      if (this.counting === controller) this.counting = undefined;
    }
    this.item.show();
  }
}

function minutes(n: number): number {
  return n * 60_000;
}
