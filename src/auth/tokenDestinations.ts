import { STATE_KEYS } from '../constants';
import { CredentialOrigin, describeOrigin, needsDestinationConsent } from './credentialDiscovery';

/** The part of VS Code's Memento this needs (global state), so it is tested without VS Code. */
export interface DecisionStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface DestinationQuestion {
  /** The server the workspace names (normalized). */
  url: string;
  /** The .sentryclirc that names it. */
  urlSource: string;
  /** Where the token came from ("SENTRY_AUTH_TOKEN", the home .sentryclirc). */
  tokenSource: string;
}

/** Asks the user; `undefined` when they dismissed the question without answering. */
export type AskDestination = (question: DestinationQuestion) => PromiseLike<boolean | undefined>;

export interface DestinationCredentials {
  url: string;
  tokenOrigin: CredentialOrigin;
  urlOrigin: CredentialOrigin;
}

const DESTINATIONS_KEY = STATE_KEYS.tokenDestinations;

/**
 * The user's answers to "send your token to the server this workspace names?", remembered per URL.
 * A token only goes to a URL from the same place as itself; any other pairing with a workspace URL
 * is asked once, and the same question asked twice at once is asked once. A dismissed question is
 * not an answer: it refuses for now and is asked again after "Ask Again" or a new window.
 */
export class TokenDestinations {
  private readonly asking = new Map<string, Promise<boolean>>();
  private readonly dismissed = new Set<string>();

  constructor(private readonly store: DecisionStore, private readonly ask: AskDestination) {}

  async allows(credentials: DestinationCredentials): Promise<boolean> {
    if (!needsDestinationConsent(credentials)) return true;
    const url = credentials.url;
    const saved = this.decisionFor(url);
    if (saved !== undefined) return saved;
    if (this.dismissed.has(url)) return false;
    let pending = this.asking.get(url);
    if (!pending) {
      const question: DestinationQuestion = {
        url,
        urlSource: describeOrigin(credentials.urlOrigin),
        tokenSource: describeOrigin(credentials.tokenOrigin),
      };
      pending = this.askOnce(question).finally(() => this.asking.delete(url));
      this.asking.set(url, pending);
    }
    return pending;
  }

  decisionFor(url: string): boolean | undefined {
    const all = this.all();
    const value = Object.hasOwn(all, url) ? all[url] : undefined;
    return typeof value === 'boolean' ? value : undefined;
  }

  async remember(url: string, allowed: boolean): Promise<void> {
    this.dismissed.delete(url);
    await this.store.update(DESTINATIONS_KEY, { ...this.all(), [url]: allowed });
  }

  /** Ask again next time. */
  async forget(url: string): Promise<void> {
    this.dismissed.delete(url);
    const all = this.all();
    if (!Object.hasOwn(all, url)) return;
    delete all[url];
    await this.store.update(DESTINATIONS_KEY, all);
  }

  private async askOnce(question: DestinationQuestion): Promise<boolean> {
    const answer = await this.ask(question);
    if (answer === undefined) {
      this.dismissed.add(question.url);
      return false;
    }
    await this.remember(question.url, answer);
    return answer;
  }

  private all(): Record<string, unknown> {
    const stored = this.store.get<unknown>(DESTINATIONS_KEY);
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? { ...(stored as Record<string, unknown>) } : {};
  }
}
