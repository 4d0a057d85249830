import * as vscode from 'vscode';
import { SentryClient } from '../sentry/api/client';
import type { RateLimitNotice } from '../sentry/http/transport';
import { normalizeBaseUrl } from '../sentry/http/origins';
import { registerSecret } from '../sentry/http/secretRedaction';
import { checkToken, TokenCheckResult } from '../sentry/api/tokenCheck';
import { CONTEXT_KEYS, SECRET_KEYS, STATE_KEYS } from '../views/ids';
import type { Log } from '../views/log';
import type { TokenProblem } from '../views/nodes/tokenProblemRows';
import { CredentialOrigin, DiscoveredCredentials, describeOrigin, discoverCredentials } from './credentialDiscovery';
import { AskDestination, TokenDestinations } from './tokenDestinations';

/**
 * `unusable`: a token found in the environment or a .sentryclirc failed Sign In's check (or its
 * URL is not one Sentry could live at); the view shows why instead of rows of errors.
 */
export type AuthState = 'signedOut' | 'signedIn' | 'rejected' | 'unusable';

/** Why the view is signed out, for the welcome text: nothing found, a token ignored here, or a server refused. */
export type SignedOutReason = 'none' | 'ignored' | 'serverRefused';

export interface ActiveCredentials {
  url: string;
  org?: string;
  project?: string;
  /** "Sign In", "SENTRY_AUTH_TOKEN", or the path of a .sentryclirc. */
  source: string;
  /** Where the token came from; undefined for Sign In. */
  tokenOrigin?: CredentialOrigin;
}

export interface SessionOptions {
  secrets: vscode.SecretStorage;
  globalState: vscode.Memento;
  workspaceState: vscode.Memento;
  log: Log;
  /** Asks whether the token may go to a server the workspace names (a modal dialog). */
  askDestination: AskDestination;
  env?: NodeJS.ProcessEnv;
  /** Restricted Mode: the workspace's .sentryclirc is not read. */
  isWorkspaceTrusted?: () => boolean;
}

interface StoredSession {
  url: string;
  token: string;
}

/**
 * Who we are signed in as, and the API client for it. Loads lazily, on the tree's first look (no
 * work at activation). A token found in the environment or a .sentryclirc is checked like one typed
 * into Sign In, and only goes to a URL from the same place as itself unless the user agrees.
 * Any number of 401s turn into one switch back to the sign-in view.
 */
export class Session implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AuthState>();
  readonly onDidChange = this.changed.event;
  private readonly rateLimited = new vscode.EventEmitter<RateLimitNotice>();
  readonly onRateLimitWait = this.rateLimited.event;
  readonly destinations: TokenDestinations;

  private loading?: Promise<void>;
  private loadGeneration = 0;
  private checking = new AbortController();
  private current?: { credentials: ActiveCredentials; client: SentryClient };
  private authState: AuthState = 'signedOut';
  private reason: SignedOutReason = 'none';
  private tokenProblem?: TokenProblem;
  private lastDiscovered?: DiscoveredCredentials;
  /** `url + token` pairs that passed the check in this window: Refresh does not check them again. */
  private readonly checked = new Set<string>();
  private forgetSecret: () => void = () => undefined;

  constructor(private readonly options: SessionOptions) {
    this.destinations = new TokenDestinations(options.globalState, options.askDestination);
  }

  get state(): AuthState {
    return this.authState;
  }

  get signedOutReason(): SignedOutReason {
    return this.reason;
  }

  get credentials(): ActiveCredentials | undefined {
    return this.current?.credentials;
  }

  /** Why a discovered token is not used, while the state is `unusable`. */
  get problem(): TokenProblem | undefined {
    return this.authState === 'unusable' ? this.tokenProblem : undefined;
  }

  /** The token found in the environment or a .sentryclirc at the last load, whether used or not. */
  get discovered(): { source: string; url: string; tokenOrigin: CredentialOrigin } | undefined {
    const found = this.lastDiscovered;
    return found && { source: found.source, url: found.url, tokenOrigin: found.tokenOrigin };
  }

  /** The client when signed in; undefined otherwise. */
  get client(): SentryClient | undefined {
    return this.authState === 'signedIn' ? this.current?.client : undefined;
  }

  /** Resolves once the latest load is done (a reload while waiting is waited for too). */
  async ensureLoaded(): Promise<void> {
    let load: Promise<void>;
    do {
      load = this.loading ??= this.load();
      await load;
    } while (load !== this.loading);
  }

  async signIn(url: string, token: string): Promise<void> {
    await this.options.secrets.store(SECRET_KEYS.session, JSON.stringify({ url, token } satisfies StoredSession));
    this.stopLoading();
    this.use({ url, source: 'Sign In' }, token);
    this.loading = Promise.resolve();
  }

  /**
   * Forgets the stored token. A token in the environment or a .sentryclirc cannot be removed from
   * there, so it is ignored in this workspace from now on (until the user asks for it again).
   */
  async signOut(): Promise<void> {
    await this.options.secrets.delete(SECRET_KEYS.session);
    await this.ignoreDiscovered();
  }

  /** Stops using the token from the environment or a .sentryclirc in this workspace. */
  async ignoreDiscovered(): Promise<void> {
    await this.options.workspaceState.update(STATE_KEYS.ignoreDiscovered, true);
    this.options.log.info('Signed out; a token from the environment or a .sentryclirc is ignored in this workspace.');
    this.stopLoading();
    this.current?.client.clearCache();
    this.current = undefined;
    this.loading = this.load();
    await this.loading;
  }

  /** Uses the discovered token again: clears the ignore, and asks again about a server it refused. */
  async useDiscovered(): Promise<void> {
    await this.options.workspaceState.update(STATE_KEYS.ignoreDiscovered, undefined);
    const found = this.lastDiscovered ?? (await this.discover());
    if (found) {
      const url = normalizedUrl(found.url);
      if (url) await this.destinations.forget(url);
    }
    await this.reload();
  }

  /** Re-reads stored and discovered credentials (after settings, env or .sentryclirc changes). */
  reload(): Promise<void> {
    this.stopLoading();
    this.loading = this.load();
    return this.loading;
  }

  /** After Restricted Mode ends: read the workspace's .sentryclirc too, if the view has loaded (never before). */
  reloadIfStarted(): void {
    if (this.loading) void this.reload();
  }

  private stopLoading(): void {
    this.loadGeneration++;
    this.checking.abort();
    this.checking = new AbortController();
  }

  private async load(): Promise<void> {
    const generation = this.loadGeneration;
    const current = () => generation === this.loadGeneration;
    let source = 'the saved sign-in';
    try {
      const stored = parseStored(await this.options.secrets.get(SECRET_KEYS.session));
      if (!current()) return;
      if (stored) {
        this.lastDiscovered = undefined;
        return this.use({ url: stored.url, source: 'Sign In' }, stored.token);
      }

      const found = await this.discover();
      if (!current()) return;
      this.lastDiscovered = found;
      if (!found) return this.signedOut('none');
      source = found.source;
      if (this.options.workspaceState.get<boolean>(STATE_KEYS.ignoreDiscovered)) return this.signedOut('ignored');

      const url = normalizedUrl(found.url);
      if (!url) {
        return this.unusable({ source: found.source, message: urlProblem(found.url, describeOrigin(found.urlOrigin)) }, found.token);
      }
      const allowed = await this.destinations.allows({ url, tokenOrigin: found.tokenOrigin, urlOrigin: found.urlOrigin });
      if (!current()) return;
      if (!allowed) {
        this.options.log.warn(`Not sending the token from ${found.source} to ${url}, which ${describeOrigin(found.urlOrigin)} names: the user did not agree.`);
        return this.signedOut('serverRefused');
      }

      const result = await this.check(url, found.token);
      if (!current()) return;
      if (!result.ok) {
        this.options.log.warn(`The token from ${found.source} failed the check against ${url}: ${result.message}`);
        return this.unusable({ source: found.source, message: result.message }, found.token);
      }
      this.use({ url, org: found.org, project: found.project, source: found.source, tokenOrigin: found.tokenOrigin }, found.token);
    } catch (error) {
      if (!current()) return;
      this.options.log.error('Could not load the Sentry credentials', error);
      this.unusable({ source, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private discover(): Promise<DiscoveredCredentials | undefined> {
    const workspaceFolders = (vscode.workspace.workspaceFolders ?? [])
      .filter((folder) => folder.uri.scheme === 'file')
      .map((folder) => folder.uri.fsPath);
    const workspaceTrusted = this.options.isWorkspaceTrusted?.() ?? vscode.workspace.isTrusted;
    return discoverCredentials({ env: this.options.env ?? process.env, workspaceFolders, workspaceTrusted });
  }

  /** Sign In's check, once per URL and token in this window when it passes; never at activation. */
  private async check(url: string, token: string): Promise<TokenCheckResult> {
    const key = `${url}\n${token}`;
    if (this.checked.has(key)) return { ok: true, organizations: [] };
    this.useSecret(token);
    const result = await checkToken(url, token, { signal: this.checking.signal });
    if (result.ok) this.checked.add(key);
    return result;
  }

  private use(credentials: ActiveCredentials, token: string): void {
    let client: SentryClient;
    try {
      client = new SentryClient({
        baseUrl: credentials.url,
        token,
        onAuthFailure: () => this.markRejected(client, credentials.url, token),
        onRateLimitWait: (notice) => this.rateLimited.fire(notice),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.unusable({ source: credentials.source, message: `The Sentry URL is not usable: ${message}` }, token);
      return;
    }
    this.useSecret(token);
    this.current = { credentials: { ...credentials, url: client.baseUrl }, client };
    this.options.log.info(`Using the token from ${credentials.source} with ${client.baseUrl}.`);
    this.setState('signedIn');
  }

  private unusable(problem: TokenProblem, token?: string): void {
    if (token) this.useSecret(token);
    this.current?.client.clearCache();
    this.current = undefined;
    this.tokenProblem = problem;
    this.setState('unusable');
  }

  private signedOut(reason: SignedOutReason): void {
    this.current = undefined;
    this.reason = reason;
    this.setState('signedOut');
  }

  private useSecret(token: string): void {
    this.forgetSecret();
    this.forgetSecret = registerSecret(token);
  }

  /** Called for every 401; only the first one for the current client changes anything. */
  private markRejected(client: SentryClient, url: string, token: string): void {
    if (this.current?.client !== client || this.authState !== 'signedIn') return;
    this.checked.delete(`${url}\n${token}`);
    this.checked.delete(`${client.baseUrl}\n${token}`);
    client.clearCache();
    this.setState('rejected');
  }

  private setState(state: AuthState): void {
    this.authState = state;
    if (state !== 'signedOut') this.reason = 'none';
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.authState, state);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.signedOutReason, this.reason);
    this.changed.fire(state);
  }

  dispose(): void {
    this.stopLoading();
    this.forgetSecret();
    this.changed.dispose();
    this.rateLimited.dispose();
  }
}

function normalizedUrl(url: string): string | undefined {
  try {
    return normalizeBaseUrl(url);
  } catch {
    return undefined;
  }
}

function urlProblem(url: string, where: string): string {
  try {
    normalizeBaseUrl(url);
    return `The Sentry URL from ${where} is not usable.`;
  } catch (error) {
    return `The Sentry URL from ${where} is not usable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function parseStored(value: string | undefined): StoredSession | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null) {
      const { url, token } = parsed as Record<string, unknown>;
      if (typeof url === 'string' && typeof token === 'string' && token) return { url, token };
    }
  } catch {
    // a damaged entry is treated as signed out
  }
  return undefined;
}
