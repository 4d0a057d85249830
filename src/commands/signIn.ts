import * as vscode from 'vscode';
import { DEFAULT_SENTRY_URL } from '../auth/credentialDiscovery';
import type { Session } from '../auth/session';
import { normalizeBaseUrl } from '../sentry/http/origins';
import { registerSecret } from '../sentry/http/secretRedaction';
import { checkToken } from '../sentry/api/tokenCheck';
import { toAbortSignal } from '../views/cancellation';
import { untrustedText } from '../views/untrustedText';

export interface SignInArgs {
  url?: string;
  token?: string;
}

/**
 * Asks for the server URL and a token (unless given, as tests and links do), checks the token
 * against the server, and only then stores it.
 */
export async function signIn(session: Session, given?: unknown): Promise<boolean> {
  const args = readSignInArgs(given);
  const url = args.url ?? (await askUrl(session.credentials?.url ?? DEFAULT_SENTRY_URL));
  if (url === undefined) return false;
  const baseUrl = normalizeBaseUrl(url);
  const host = untrustedText(new URL(baseUrl).host, 100);
  const token = args.token ?? (await askToken(host));
  if (token === undefined) return false;
  // Whatever the server answers, the token it may echo is redacted from messages and logs.
  registerSecret(token.trim());

  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking the token with ${host}…`, cancellable: true },
    (_progress, cancel) => checkToken(baseUrl, token.trim(), { signal: toAbortSignal(cancel) }),
  );
  if (!result.ok) {
    const failed = `Sentry sign-in failed: ${untrustedText(result.message, 600)}`;
    if (args.token !== undefined) {
      void vscode.window.showErrorMessage(failed);
      return false;
    }
    const again = await vscode.window.showErrorMessage(failed, 'Try Again');
    if (again === 'Try Again') return signIn(session, { url: baseUrl });
    return false;
  }
  await session.signIn(baseUrl, token.trim());
  const count = result.organizations.length;
  void vscode.window.showInformationMessage(untrustedText(result.warning ?? `Signed in to ${host}: ${count} organization${count === 1 ? '' : 's'}.`, 600));
  return true;
}

function askUrl(value: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Sentry: Sign In (1/2)',
    prompt: 'Sentry server URL: https://sentry.io, or the address of your self-hosted Sentry',
    value,
    ignoreFocusOut: true,
    validateInput: (input) => {
      try {
        normalizeBaseUrl(input);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  });
}

function askToken(host: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Sentry: Sign In (2/2)',
    prompt: `Auth token for ${host}: a User Auth Token with org:read, project:read and event:read (User Settings → User Auth Tokens)`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (input) => (input.trim() ? (/\s/.test(input.trim()) ? 'A token has no spaces in it.' : undefined) : 'Paste the token.'),
  });
}

/** What a caller passed (a test, a link, a tree row's arguments): only string `url` and `token` count. */
function readSignInArgs(value: unknown): SignInArgs {
  if (typeof value !== 'object' || value === null) return {};
  const { url, token } = value as Record<string, unknown>;
  return { url: typeof url === 'string' ? url : undefined, token: typeof token === 'string' ? token : undefined };
}
