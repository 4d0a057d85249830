import * as vscode from 'vscode';
import type { Session } from '../../auth/session';
import { COMMANDS } from '../../constants';
import type { Subscription } from '../../model/emitter';
import { LatestSearch } from '../../model/latestSearch';
import { IssueRef, ProjectRef, isIdText, issueKey } from '../../model/refs';
import type { SentryData } from '../../model/sentryData';
import type { SentryLookups } from '../../model/sentryLookups';
import { looksLikeShortId } from '../../sentry/api/openInput';
import type { Logger } from '../../sentry/http/logger';
import type { CurrentProject } from '../currentProject';
import { untrustedText } from '../untrustedText';
import type { RecentSearches } from './recentSearches';
import { issueItem, noteItem, OPEN_IN_BROWSER_BUTTON, recentItem, SearchItem, separator } from './searchItems';

/** What a caller may start the search with (the detail panel's tag click, the status bar, a test). */
export interface SearchArgs {
  query?: string;
  org?: string;
  /** A project slug: search only it. */
  project?: string;
}

export interface IssueSearchDeps {
  session: Session;
  data: SentryData;
  lookups: SentryLookups;
  currentProject: CurrentProject;
  recent: RecentSearches;
  logger: Logger;
  /** Reveals a picked issue and opens its latest event. */
  open(issue: IssueRef): Promise<void>;
  /** The issue's page in Sentry. */
  webPage(issue: IssueRef): string;
}

interface Scope {
  org: string;
  /** Only this project; undefined: every project of the organization (`project=-1`). */
  project?: ProjectRef;
}

interface Results {
  query: string;
  scope: Scope;
  refs: IssueRef[];
  more: boolean;
}

export const SEARCH_DEBOUNCE_MS = 250;
const PAGE_SIZE = 25;

/**
 * `Sentry: Search Issues`: a quick pick that asks Sentry as the user types, in Sentry's search
 * syntax, across the chosen organization's projects or one project (a title-bar button switches).
 * Typing waits for a pause and aborts the search in flight (one request per pause, not per key);
 * the picker is busy meanwhile; recent searches come first; a short id finds its issue directly.
 * Rows read the store, so an issue changed elsewhere (resolved from the tree, say) updates here.
 */
export class IssueSearch implements vscode.Disposable {
  /** The picker while it is open (tests type into it). */
  active?: vscode.QuickPick<SearchItem>;
  private close?: () => void;
  private toggle?: () => void;

  constructor(private readonly deps: IssueSearchDeps) {}

  async show(given?: unknown): Promise<void> {
    const args = readSearchArgs(given);
    await this.deps.session.ensureLoaded();
    if (this.deps.session.state !== 'signedIn') {
      void vscode.window.showWarningMessage('Sign in to Sentry to search its issues.', 'Sign In').then((choice) => {
        if (choice === 'Sign In') void vscode.commands.executeCommand(COMMANDS.signIn);
      });
      return;
    }
    // The organizations' regions and names, before anything is searched (a cached answer once the tree has loaded).
    await this.deps.lookups.knowOrganizations();
    const org = args.org ?? (await this.chooseOrganization());
    if (!org) return;
    const current = this.deps.currentProject.ref;
    const scopeProject = args.project ? { org, project: args.project } : undefined;
    this.close?.();
    this.open({ org, project: scopeProject }, args.query ?? '', scopeProject ?? (current?.org === org ? current : undefined));
  }

  /** What the picker's title-bar button does: the organization's projects ⇄ the current project. */
  toggleScope(): void {
    this.toggle?.();
  }

  dispose(): void {
    this.close?.();
  }

  private open(initial: Scope, query: string, toggleProject: ProjectRef | undefined): void {
    const { data, logger } = this.deps;
    const picker = vscode.window.createQuickPick<SearchItem>();
    let scope = initial;
    let results: Results | undefined;
    let lastValue = query;
    let failure: string | undefined;
    const subscriptions: Array<vscode.Disposable | Subscription> = [];

    const render = () => {
      const value = picker.value.trim();
      const recents = this.deps.recent.list().filter((q) => q !== value && (value === '' || q.startsWith(value)));
      const items: SearchItem[] = [];
      if (recents.length > 0) items.push(separator('recent searches'), ...recents.map(recentItem));
      if (value === '') {
        items.push(noteItem('Type a Sentry search (is:unresolved level:error release:1.2 user.email:…) or a short id', 'search'));
      } else if (failure) {
        items.push(noteItem(failure, 'warning'));
      } else if (results && results.query === value) {
        const names = results.refs.map((ref) => issueItem(ref, data.store.issue(ref), this.projectName(ref)));
        items.push(separator(this.scopeWords(results.scope)), ...names);
        if (names.length === 0) items.push(noteItem(`No issues match "${untrustedText(value, 100)}" in ${this.scopeWords(results.scope)}.`));
        if (results.more) items.push(noteItem(`The first ${PAGE_SIZE} matches, newest first: refine the search to see others.`));
      }
      const active = picker.activeItems[0]?.issue;
      picker.items = items;
      const keep = active && items.find((item) => item.issue && issueKey(item.issue) === issueKey(active));
      if (keep) picker.activeItems = [keep];
    };

    const search = new LatestSearch<Results>(
      async (text, signal) => {
        const asked = scope;
        if (asked.project) await this.deps.lookups.projectId(asked.project, { signal });
        const page = await data.listIssues(
          { org: asked.org },
          { project: asked.project, allProjects: !asked.project, query: text, sort: 'date', limit: PAGE_SIZE, shortIdLookup: looksLikeShortId(text) },
          { signal },
        );
        return { query: text, scope: asked, refs: page.items, more: page.nextCursor !== undefined };
      },
      {
        delayMs: SEARCH_DEBOUNCE_MS,
        onBusy: (busy) => (picker.busy = busy),
        onResult: (_text, found) => {
          results = found;
          failure = undefined;
          render();
        },
        onError: (text, error) => {
          logger.warn(`The issue search "${text}" failed.`, error);
          failure = `The search failed: ${error instanceof Error ? error.message : String(error)}`;
          render();
        },
      },
    );

    const run = (value: string, now: boolean) => {
      failure = undefined;
      const text = value.trim();
      if (text === '') {
        search.stop();
        render();
      } else if (now) {
        search.now(text);
      } else {
        search.type(text);
      }
    };

    const setButtons = () => {
      const buttons: vscode.QuickInputButton[] = [];
      if (toggleProject) {
        buttons.push(
          scope.project
            ? { iconPath: new vscode.ThemeIcon('organization'), tooltip: `Search every project of ${untrustedText(scope.org, 60)}` }
            : { iconPath: new vscode.ThemeIcon('project'), tooltip: `Search only ${untrustedText(toggleProject.project, 60)}` },
        );
      }
      picker.buttons = buttons;
      picker.title = `Search Issues in ${this.scopeWords(scope)}`;
    };

    picker.placeholder = 'Sentry search: is:unresolved level:error release:1.2 user.email:… — or a short id such as BACKEND-1A2';
    picker.matchOnDescription = false;
    picker.matchOnDetail = false;
    picker.ignoreFocusOut = true;
    picker.value = query;
    setButtons();
    render();

    subscriptions.push(
      picker.onDidChangeValue((value) => {
        if (value === lastValue) return;
        lastValue = value;
        run(value, false);
      }),
      picker.onDidTriggerButton(() => this.toggleScope()),
      picker.onDidTriggerItemButton(({ item, button }) => {
        if (button === OPEN_IN_BROWSER_BUTTON && item.issue) void vscode.env.openExternal(vscode.Uri.parse(this.deps.webPage(item.issue), true));
      }),
      picker.onDidAccept(() => {
        const item = picker.selectedItems[0] ?? picker.activeItems[0];
        if (item?.recent !== undefined) {
          lastValue = item.recent;
          picker.value = item.recent;
          run(item.recent, true);
          return;
        }
        const issue = item?.issue;
        if (!issue) return;
        void this.deps.recent.add(picker.value);
        picker.hide();
        this.deps.open(issue).catch((error: unknown) => {
          logger.error('Could not open the picked issue', error);
          void vscode.window.showErrorMessage(`Sentry: ${untrustedText(error instanceof Error ? error.message : String(error))}`);
        });
      }),
      data.store.onDidUpdateIssue(({ ref }) => {
        if (results?.refs.some((shown) => issueKey(shown) === issueKey(ref))) render();
      }),
    );

    const toggle = () => {
      if (!toggleProject) return;
      scope = scope.project ? { org: scope.org } : { org: scope.org, project: toggleProject };
      setButtons();
      run(picker.value, true);
    };
    const close = () => {
      search.dispose();
      for (const subscription of subscriptions) subscription.dispose();
      picker.dispose();
      if (this.active === picker) this.active = undefined;
      if (this.close === close) this.close = undefined;
      if (this.toggle === toggle) this.toggle = undefined;
    };
    subscriptions.push(picker.onDidHide(close));
    this.close = close;
    this.toggle = toggle;
    this.active = picker;
    picker.show();
    if (query.trim() !== '') run(query, true);
  }

  /** The organization to search: the only one, the one SENTRY_ORG names, the current project's, or the user's choice. */
  private async chooseOrganization(): Promise<string | undefined> {
    const named = this.deps.currentProject.ref?.org ?? this.deps.session.credentials?.org;
    if (named) return named;
    const orgs = (await this.deps.data.listOrganizations(undefined)).items;
    if (orgs.length <= 1) return orgs[0]?.org;
    const picked = await vscode.window.showQuickPick(
      orgs.map((ref) => ({ label: untrustedText(this.deps.data.store.organization(ref)?.name ?? ref.org, 100), description: untrustedText(ref.org, 100), org: ref.org })),
      { title: 'Search Issues in Which Organization?' },
    );
    return picked?.org;
  }

  private scopeWords(scope: Scope): string {
    const orgName = this.deps.data.store.organization({ org: scope.org })?.name ?? scope.org;
    return scope.project ? `project ${untrustedText(scope.project.project, 60)}` : `all projects of ${untrustedText(orgName, 60)}`;
  }

  private projectName(ref: IssueRef): string | undefined {
    const slug = this.deps.data.store.issue(ref)?.projectSlug;
    return slug && (this.deps.data.store.project({ org: ref.org, project: slug })?.name ?? slug);
  }
}

/** `{query?, org?, project?}` from a caller; anything else is ignored. */
export function readSearchArgs(value: unknown): SearchArgs {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined);
  const query = own('query');
  const org = own('org');
  const project = own('project');
  return {
    query: typeof query === 'string' ? query.slice(0, 1000) : undefined,
    org: isIdText(org) ? org : undefined,
    project: isIdText(project) && isIdText(org) ? project : undefined,
  };
}
