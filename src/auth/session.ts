import * as vscode from 'vscode';
import { CONTEXT_KEYS, STATE_KEYS } from '../constants';
import { SentryClient } from '../sentry/api/client';
import type { Logger } from '../sentry/http/logger';
import { registerSecret } from '../sentry/http/secretRedaction';
import type { RateLimitNotice } from '../sentry/http/transport';
import type { ActiveCredentials, AuthState, SignedOutReason, TokenProblem } from './authState';
import { CheckedTokens } from './checkedTokens';
import { CredentialOrigin, DiscoveredCredentials, discoverCredentials } from './credentialDiscovery';
import { normalizedUrl } from './credentialUrls';
import { decideDiscovered } from './discoveredToken';
import { SecretStore, SignInStore } from './storedSignIn';
import { AskDestination, TokenDestinations } from './tokenDestinations';

export type { ActiveCredentials, AuthState, SignedOutReason, TokenProblem } from './authState';

export interface SessionOptions {
  secrets: SecretStore;
  globalState: vscode.Memento;
  workspaceState: vscode.Memento;
  logger: Logger;
  /** Asks whether the token may go to a server the workspace names (a modal dialog). */
  askDestination: AskDestination;
  env?: NodeJS.ProcessEnv;
  /** Restricted Mode: the workspace's .sentryclirc is not read. */
  isWorkspaceTrusted?: () => boolean;
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

  private readonly signIns: SignInStore;
  private readonly checks = new CheckedTokens();
  private loading?: Promise<void>;
  private loadGeneration = 0;
  private checking = new AbortController();
  private current?: { credentials: ActiveCredentials; client: SentryClient };
  private authState: AuthState = 'signedOut';
  private reason: SignedOutReason = 'none';
  private tokenProblem?: TokenProblem;
  private lastDiscovered?: DiscoveredCredentials;
  private forgetSecret: () => void = () => undefined;

  constructor(private readonly options: SessionOptions) {
    this.destinations = new TokenDestinations(options.globalState, options.askDestination);
    this.signIns = new SignInStore(options.secrets);
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
    await this.signIns.save({ url, token });
    this.stopLoading();
    this.use({ url, source: 'Sign In' }, token);
    this.loading = Promise.resolve();
  }

  /**
   * Forgets the stored token. A token in the environment or a .sentryclirc cannot be removed from
   * there, so it is ignored in this workspace from now on (until the user asks for it again).
   */
  async signOut(): Promise<void> {
    await this.signIns.forget();
    await this.ignoreDiscovered();
  }

  /** Stops using the token from the environment or a .sentryclirc in this workspace. */
  async ignoreDiscovered(): Promise<void> {
    await this.options.workspaceState.update(STATE_KEYS.ignoreDiscovered, true);
    this.options.logger.info('Signed out; a token from the environment or a .sentryclirc is ignored in this workspace.');
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
    const url = found && normalizedUrl(found.url);
    if (url) await this.destinations.forget(url);
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
    const isCurrent = () => generation === this.loadGeneration;
    let source = 'the saved sign-in';
    try {
      const stored = await this.signIns.read();
      if (!isCurrent()) return;
      if (stored) {
        this.lastDiscovered = undefined;
        return this.use({ url: stored.url, source: 'Sign In' }, stored.token);
      }
      const found = await this.discover();
      if (!isCurrent()) return;
      this.lastDiscovered = found;
      if (!found) return this.signedOut('none');
      source = found.source;
      const outcome = await decideDiscovered(found, {
        ignored: this.options.workspaceState.get<boolean>(STATE_KEYS.ignoreDiscovered) === true,
        destinations: this.destinations,
        checks: this.checks,
        signal: this.checking.signal,
        logger: this.options.logger,
        useSecret: (token) => this.useSecret(token),
        isCurrent,
      });
      if (!outcome) return;
      if (outcome.kind === 'signedOut') return this.signedOut(outcome.reason);
      if (outcome.kind === 'unusable') return this.unusable(outcome.problem, outcome.token);
      this.use(outcome.credentials, outcome.token);
    } catch (error) {
      if (!isCurrent()) return;
      this.options.logger.error('Could not load the Sentry credentials', error);
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

  private use(credentials: ActiveCredentials, token: string): void {
    let client: SentryClient;
    try {
      client = new SentryClient({
        baseUrl: credentials.url,
        token,
        logger: this.options.logger,
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
    this.options.logger.info(`Using the token from ${credentials.source} with ${client.baseUrl}.`);
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
    this.checks.forget(url, token);
    this.checks.forget(client.baseUrl, token);
    client.clearCache();
    this.options.logger.warn(`${client.baseUrl} rejected the token; showing the sign-in view.`);
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
