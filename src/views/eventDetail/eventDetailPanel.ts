import * as vscode from 'vscode';
import { showFailure } from '../../commands/registerCommand';
import { readConfig } from '../../config';
import type { Subscription } from '../../model/emitter';
import { issueKey } from '../../model/refs';
import type { SentryStore } from '../../model/store';
import type { OutputLogger } from '../../outputLogger';
import type { SentryEvent } from '../../sentry/event/eventModel';
import { eventHeadline } from '../nodes/eventNode';
import { untrustedText } from '../untrustedText';
import { eventToMarkdown } from './eventMarkdown';
import { externalLink } from './externalLink';
import { el, type Html, icon, text } from './html';
import { issueActionCommand, issueActionsFor } from './issueActionButtons';
import { searchIssuesWith } from './issueSearch';
import type { PanelEventSource } from './panelEventSource';
import type { ExtensionMessage, IssueAction, PageTimings, WebviewMessage } from './protocol';
import { readWebviewMessage } from './readWebviewMessage';
import type { EventHeaderContext, FrameOrder } from './renderContext';
import { renderEventDetail } from './renderEventDetail';
import { renderFragment } from './renderFragment';
import { renderHeader } from './renderHeader';
import { tagSearchQuery } from './tagSearchQuery';
import { pageAssets } from './pageAssets';
import { buildWebviewShell } from './webviewShell';

export interface PanelServices {
  extensionUri: vscode.Uri;
  logger: OutputLogger;
  store: SentryStore;
}

/** When a body the panel sent was on screen: measured in the extension host, from the panel's creation. */
export interface PaintTiming {
  key: string;
  renderId: number;
  sinceOpenMs: number;
  /** From the panel's creation to the page's first `ready`. */
  readyMs?: number;
  /** Rendering the body in the extension host. */
  renderMs?: number;
  /** From the body posted to the page's `painted`. */
  pageMs?: number;
  /** From the panel's creation to the page's HTML given to the webview, and that HTML's length. */
  htmlMs?: number;
  htmlChars?: number;
  /** The page's own timings (protocol.ts), moved to ms since the panel's creation (the two clocks agree to a millisecond or so). */
  page?: PageTimings;
  first: boolean;
}

/** How many messages the panel remembers having sent (tests read them). */
const SENT_KEPT = 50;

/** How long the panel waits for its event before making a page that says "Loading…" (an event at hand is in the page's first HTML). */
const LOADING_PAGE_AFTER_MS = 50;

/**
 * One event in a webview panel. An event loaded at once (from the store, a file) is rendered into the
 * page's HTML, painted without a round trip; one still loading gets a "Loading…" page and its body
 * after the page says `ready`. A page made again (shown after being hidden: it is not kept) has its
 * HTML's body when that is still current, else the current one after `ready`. The page asks for folded parts by reference, and turns clicks
 * into messages that are checked (readWebviewMessage) before anything acts on them. Every part of the
 * body is rendered by the pure renderer, which escapes all event text.
 */
export class EventDetailPanel implements vscode.Disposable {
  private event?: SentryEvent;
  private failure?: string;
  private readonly loaded: Promise<void>;
  private header: EventHeaderContext = {};
  private frameOrder: FrameOrder = readConfig().frameOrder;
  private renderId = 0;
  private readySeen = false;
  private pageMade = false;
  /** The render id of the body in the page's HTML while that body is still what the panel would show. */
  private pageBody?: number;
  private body?: string;
  private disposed = false;
  private readonly openedAt = performance.now();
  private readyAt?: number;
  private lastRender?: { renderId: number; ms: number; postedAt: number };
  private pageHtml?: { at: number; chars: number };
  /** The first body, rendered while the page loads (the page takes longer to load than the body to render). */
  private prepared?: { html: Html; ms: number; frameOrder: FrameOrder };
  private readonly subscriptions: Array<vscode.Disposable | Subscription> = [];
  private readonly paints = new vscode.EventEmitter<PaintTiming>();
  private readonly disposals = new vscode.EventEmitter<void>();
  readonly onDidPaint = this.paints.event;
  readonly onDidDispose = this.disposals.event;
  /** The messages sent to the page, oldest first (the last {@link SENT_KEPT}). */
  readonly sent: ExtensionMessage[] = [];
  /** The page's last `painted`, timed from the panel's creation. */
  lastPaint?: PaintTiming;

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    readonly source: PanelEventSource,
    private readonly services: PanelServices,
  ) {
    this.subscriptions.push(
      this.webviewPanel.webview.onDidReceiveMessage((raw: unknown) => void this.handleMessage(raw)),
      this.webviewPanel.onDidDispose(() => this.dispose()),
      services.store.onDidUpdateIssue(({ ref }) => {
        const shown = this.event && this.source.issueOf(this.event);
        if (shown && issueKey(shown) === issueKey(ref)) this.refreshHeader();
      }),
    );
    const loadingPage = setTimeout(() => this.makePage(), LOADING_PAGE_AFTER_MS);
    this.loaded = this.load().then(() => {
      clearTimeout(loadingPage);
      this.makePage();
    });
  }

  get key(): string {
    return this.source.key;
  }

  /** The event once loaded. */
  get shownEvent(): SentryEvent | undefined {
    return this.event;
  }

  /** The last body the page got: in its HTML or in a `show`. */
  get lastBody(): string | undefined {
    return this.body;
  }

  /** Resolves when the event is loaded or failed to load. */
  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  reveal(preserveFocus = false): void {
    this.webviewPanel.reveal(undefined, preserveFocus);
  }

  /** The body again (the frame order changed), for a page that has asked for it before. */
  rerender(): void {
    this.pageBody = undefined;
    if (this.readySeen) void this.loaded.then(() => this.show());
  }

  /**
   * What the page sends, and what tests send the same way. Anything but the protocol's shapes is
   * ignored; a failure is logged and shown, never thrown. Resolves with what the action produced.
   */
  async handleMessage(raw: unknown): Promise<unknown> {
    const message = readWebviewMessage(raw);
    if (!message) {
      this.services.logger.debug(`Event panel ${this.key}: ignored a message that is not in the protocol.`);
      return undefined;
    }
    try {
      return await this.act(message);
    } catch (error) {
      void showFailure(`Event panel ${message.type}`, this.services.logger, error);
      return undefined;
    }
  }

  /** Copies the event as Markdown (the panel's button and Copy Event as Markdown with the panel active). */
  async copyMarkdown(): Promise<string> {
    const event = await this.requireEvent();
    const markdown = eventToMarkdown(event, this.header, this.frameOrder);
    await vscode.env.clipboard.writeText(markdown);
    vscode.window.setStatusBarMessage('Sentry: copied the event as Markdown', 3000);
    return markdown;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.webviewPanel.dispose();
    this.disposals.fire();
    this.paints.dispose();
    this.disposals.dispose();
  }

  private async act(message: WebviewMessage): Promise<unknown> {
    switch (message.type) {
      case 'ready':
        this.readyAt ??= performance.now();
        this.readySeen = true;
        await this.loaded;
        if (this.pageBody === undefined) this.show();
        return undefined;
      case 'painted':
        this.painted(message.renderId, message.page);
        return undefined;
      case 'requestFragment': {
        await this.loaded;
        const html = this.event ? renderFragment(this.event, message.fragment, this.header, { frameOrder: this.frameOrder }) : this.failureHtml();
        this.post({ type: 'fragment', requestId: message.requestId, html });
        return undefined;
      }
      case 'openFrame': {
        const event = await this.requireEvent();
        return this.source.openFrame(event, message.frame, vscode.ViewColumn.Beside);
      }
      case 'searchIssues': {
        const query = tagSearchQuery(await this.requireEvent(), message.tag);
        if (query === undefined) return undefined;
        await searchIssuesWith(query, this.source.searchOrg);
        return query;
      }
      case 'openExternal': {
        // Only the links the extension made for this event; the page only names which one.
        const url = externalLink(this.header, message.target);
        if (url !== undefined) await vscode.env.openExternal(vscode.Uri.parse(url, true));
        return url;
      }
      case 'copyMarkdown':
        return this.copyMarkdown();
      case 'issueAction':
        return this.issueAction(message.action);
    }
  }

  /**
   * A header button: the issue command on this panel's issue (what the command answers: true when
   * Sentry took the change). The store shows the change at once and rolls it back on refusal, and the
   * header follows the store; it is sent again afterwards all the same, for an issue the store did not
   * hold before Sentry answered and for a picker the user closed (the page disabled the button).
   */
  private async issueAction(action: IssueAction): Promise<unknown> {
    await this.loaded;
    const event = this.event;
    const issue = event && this.source.issueOf(event);
    if (!event || !issue) {
      this.services.logger.debug(`Event panel ${this.key}: ${action} asked for an event that belongs to no Sentry issue.`);
      return undefined;
    }
    try {
      // A button the page still showed after the issue changed: nothing is done (without a state, nothing can be judged).
      const state = this.source.header(event).issueState;
      if (state && !issueActionsFor(state).includes(action)) {
        this.services.logger.debug(`Event panel ${this.key}: ${action} does not apply to the issue as it is now; the header is shown again.`);
        return undefined;
      }
      return await vscode.commands.executeCommand<boolean | undefined>(issueActionCommand(action), { org: issue.org, issueId: issue.issueId });
    } finally {
      this.refreshHeader();
    }
  }

  private async load(): Promise<void> {
    try {
      const event = await this.source.load();
      // Closed while the event loaded: a disposed webview throws on any change.
      if (this.disposed) return;
      this.event = event;
      this.header = this.source.header(event);
      this.webviewPanel.title = untrustedText(eventHeadline(event), 60);
      const started = performance.now();
      const frameOrder = readConfig().frameOrder;
      this.prepared = { html: this.renderBody(event, frameOrder), ms: performance.now() - started, frameOrder };
      void this.source.fetchIssue(event).then(
        (asked) => asked && this.refreshHeader(),
        (error: unknown) => this.services.logger.warn(`Event panel ${this.key}: could not read the event's issue for the header.`, error),
      );
    } catch (error) {
      this.failure = `The event could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      this.services.logger.warn(`Event panel ${this.key}: the event could not be loaded.`, error);
      if (!this.disposed) this.webviewPanel.title = 'Event not loaded';
    }
  }

  /** The page, once: with the body when the event is loaded (or failed), else saying "Loading…". */
  private makePage(): void {
    if (this.pageMade || this.disposed) return;
    this.pageMade = true;
    if (!this.event && this.failure === undefined) {
      this.webviewPanel.webview.html = this.shell();
      return;
    }
    const { html, renderId, ms } = this.currentBody();
    const page = this.shell({ body: html, renderId });
    this.webviewPanel.webview.html = page;
    this.pageHtml = { at: performance.now(), chars: page.length };
    this.pageBody = renderId;
    this.lastRender = { renderId, ms, postedAt: performance.now() };
  }

  private show(): void {
    const { html, renderId, ms } = this.currentBody();
    this.lastRender = { renderId, ms, postedAt: performance.now() };
    this.post({ type: 'show', html, renderId });
  }

  /** The body to show now, with a new render id, and how long it took to render. */
  private currentBody(): { html: Html; renderId: number; ms: number } {
    const renderId = ++this.renderId;
    this.frameOrder = readConfig().frameOrder;
    const prepared = this.prepared?.frameOrder === this.frameOrder ? this.prepared : undefined;
    // Shown once: a later show (the page shown again, a header or order change) renders what is current.
    this.prepared = undefined;
    const started = performance.now();
    const html = prepared?.html ?? (this.event ? this.renderBody(this.event, this.frameOrder) : this.failureHtml());
    this.body = html;
    return { html, renderId, ms: prepared?.ms ?? performance.now() - started };
  }

  private renderBody(event: SentryEvent, frameOrder: FrameOrder): Html {
    try {
      return renderEventDetail(event, this.header, { frameOrder });
    } catch (error) {
      this.services.logger.error(`Event panel ${this.key}: the event could not be rendered.`, error);
      return this.notice('This event could not be shown. The Sentry log has the details.');
    }
  }

  private refreshHeader(): void {
    if (!this.event || this.disposed) return;
    this.header = this.source.header(this.event);
    this.prepared = undefined;
    this.pageBody = undefined;
    this.post({ type: 'header', html: renderHeader(this.event, this.header) });
  }

  private painted(renderId: number, page: PageTimings | undefined): void {
    const now = performance.now();
    const first = this.lastPaint === undefined;
    const sinceOpenMs = now - this.openedAt;
    const render = this.lastRender?.renderId === renderId ? this.lastRender : undefined;
    const phases = {
      readyMs: this.readyAt === undefined ? undefined : this.readyAt - this.openedAt,
      renderMs: render?.ms,
      pageMs: render && now - render.postedAt,
      htmlMs: this.pageHtml && this.pageHtml.at - this.openedAt,
      htmlChars: this.pageHtml?.chars,
      page: page && this.sinceOpen(page),
    };
    if (first) this.services.logger.debug(`Event panel ${this.key}: first paint ${sinceOpenMs.toFixed(0)} ms after it was opened.`, phases);
    this.lastPaint = { key: this.key, renderId, sinceOpenMs, first, ...phases };
    this.paints.fire(this.lastPaint);
  }

  /** The page's timings with its origin as ms since the panel's creation (the others stay relative to it). */
  private sinceOpen(page: PageTimings): PageTimings {
    return { ...page, origin: page.origin - (performance.timeOrigin + this.openedAt) };
  }

  private post(message: ExtensionMessage): void {
    if (this.disposed) return;
    this.sent.push(message);
    if (this.sent.length > SENT_KEPT) this.sent.splice(0, this.sent.length - SENT_KEPT);
    void this.webviewPanel.webview.postMessage(message);
  }

  private async requireEvent(): Promise<SentryEvent> {
    await this.loaded;
    if (!this.event) throw new Error(this.failure ?? 'The event is not loaded.');
    return this.event;
  }

  private failureHtml(): Html {
    return this.notice(this.failure ?? 'The event is not loaded.');
  }

  private notice(message: string): Html {
    return el('p', { class: 'notice' }, icon('warning'), text(` ${untrustedText(message, 1_000)}`));
  }

  private shell(first?: { body: Html; renderId: number }): string {
    return buildWebviewShell({
      cspSource: this.webviewPanel.webview.cspSource,
      ...pageAssets(this.services.extensionUri.fsPath),
      title: this.source.pendingTitle,
      ...first,
    });
  }
}
