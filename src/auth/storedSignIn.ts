import { SECRET_KEYS } from '../constants';

/** The part of VS Code's SecretStorage this needs. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export interface StoredSignIn {
  url: string;
  token: string;
}

/** The URL and token Sign In saved, in VS Code's secret storage (never in settings). */
export class SignInStore {
  constructor(private readonly secrets: SecretStore) {}

  /** Undefined when nothing is saved or the entry is damaged (then it counts as signed out). */
  async read(): Promise<StoredSignIn | undefined> {
    return parseStored(await this.secrets.get(SECRET_KEYS.session));
  }

  async save(signIn: StoredSignIn): Promise<void> {
    await this.secrets.store(SECRET_KEYS.session, JSON.stringify(signIn));
  }

  async forget(): Promise<void> {
    await this.secrets.delete(SECRET_KEYS.session);
  }
}

function parseStored(value: string | undefined): StoredSignIn | undefined {
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
