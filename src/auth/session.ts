import * as vscode from 'vscode';
import { SentryClient } from '../sentry/client';
import type { RateLimitNotice } from '../sentry/httpTransport';
import { CONTEXT_KEYS, SECRET_KEYS, STATE_KEYS } from '../views/ids';
import { DiscoveredCredentials, discoverCredentials } from './credentialDiscovery';

export type AuthState = 'signedOut' | 'signedIn' | 'rejected';

export interface ActiveCredentials {
  url: string;
  org?: string;
  project?: string;
  /** "Sign In", "SENTRY_AUTH_TOKEN", or the path of a .sentryclirc. */
  source: string;
}

interface StoredSession {
  url: string;
  token: string;
}

/**
 * Who we are signed in as, and the API client for it. Loads lazily (no work at activation);
 * turns any number of 401s into one switch back to the sign-in view.
 */
export class Session implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AuthState>();
  readonly onDidChange = this.changed.event;
  private readonly rateLimited = new vscode.EventEmitter<RateLimitNotice>();
  readonly onRateLimitWait = this.rateLimited.event;

  private loading?: Promise<void>;
  private current?: { credentials: ActiveCredentials; client: SentryClient };
  private authState: AuthState = 'signedOut';

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly globalState: vscode.Memento,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  get state(): AuthState {
    return this.authState;
  }

  get credentials(): ActiveCredentials | undefined {
    return this.current?.credentials;
  }

  /** The client when signed in; undefined otherwise. */
  get client(): SentryClient | undefined {
    return this.authState === 'signedIn' ? this.current?.client : undefined;
  }

  ensureLoaded(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  async signIn(url: string, token: string): Promise<void> {
    await this.secrets.store(SECRET_KEYS.session, JSON.stringify({ url, token } satisfies StoredSession));
    await this.globalState.update(STATE_KEYS.ignoreDiscovered, undefined);
    this.use({ url, source: 'Sign In' }, token);
  }

  async signOut(): Promise<void> {
    await this.secrets.delete(SECRET_KEYS.session);
    // A token from the environment or .sentryclirc would otherwise sign the user straight back in.
    await this.globalState.update(STATE_KEYS.ignoreDiscovered, true);
    this.current?.client.clearCache();
    this.current = undefined;
    this.loading = Promise.resolve();
    this.setState('signedOut');
  }

  /** Re-reads stored and discovered credentials (after settings, env or .sentryclirc changes). */
  reload(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const stored = parseStored(await this.secrets.get(SECRET_KEYS.session));
    if (stored) return this.use({ url: stored.url, source: 'Sign In' }, stored.token);
    if (!this.globalState.get<boolean>(STATE_KEYS.ignoreDiscovered)) {
      const found = await this.discover();
      if (found) return this.use({ url: found.url, org: found.org, project: found.project, source: found.source }, found.token);
    }
    this.current = undefined;
    this.setState('signedOut');
  }

  private discover(): Promise<DiscoveredCredentials | undefined> {
    const workspaceFolders = (vscode.workspace.workspaceFolders ?? [])
      .filter((folder) => folder.uri.scheme === 'file')
      .map((folder) => folder.uri.fsPath);
    return discoverCredentials({ env: this.env, workspaceFolders });
  }

  private use(credentials: ActiveCredentials, token: string): void {
    let client: SentryClient;
    try {
      client = new SentryClient({
        baseUrl: credentials.url,
        token,
        onAuthFailure: () => this.markRejected(client),
        onRateLimitWait: (notice) => this.rateLimited.fire(notice),
      });
    } catch (error) {
      void vscode.window.showErrorMessage(`Sentry URL from ${credentials.source}: ${error instanceof Error ? error.message : String(error)}`);
      this.current = undefined;
      this.setState('signedOut');
      return;
    }
    this.current = { credentials: { ...credentials, url: client.baseUrl }, client };
    this.setState('signedIn');
  }

  /** Called for every 401; only the first one for the current client changes anything. */
  private markRejected(client: SentryClient): void {
    if (this.current?.client !== client || this.authState !== 'signedIn') return;
    client.clearCache();
    this.setState('rejected');
  }

  private setState(state: AuthState): void {
    this.authState = state;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.authState, state);
    this.changed.fire(state);
  }

  dispose(): void {
    this.changed.dispose();
    this.rateLimited.dispose();
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
