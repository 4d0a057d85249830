import { checkToken, TokenCheckResult } from '../sentry/api/tokenCheck';

/** Sign In's check of a discovered token, once per URL and token in this window while it passes; never at activation. */
export class CheckedTokens {
  private readonly passed = new Set<string>();

  async check(url: string, token: string, signal: AbortSignal): Promise<TokenCheckResult> {
    if (this.passed.has(key(url, token))) return { ok: true, organizations: [] };
    const result = await checkToken(url, token, { signal });
    if (result.ok) this.passed.add(key(url, token));
    return result;
  }

  /** After a 401: the next load checks the token again. */
  forget(url: string, token: string): void {
    this.passed.delete(key(url, token));
  }
}

function key(url: string, token: string): string {
  return `${url}\n${token}`;
}
