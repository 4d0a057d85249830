import { normalizeBaseUrl } from '../sentry/http/origins';

/** The API base for a URL from the environment or a .sentryclirc, or undefined when Sentry cannot live there. */
export function normalizedUrl(url: string): string | undefined {
  try {
    return normalizeBaseUrl(url);
  } catch {
    return undefined;
  }
}

/** Why such a URL is not usable, naming where it came from. */
export function urlProblem(url: string, where: string): string {
  try {
    normalizeBaseUrl(url);
    return `The Sentry URL from ${where} is not usable.`;
  } catch (error) {
    return `The Sentry URL from ${where} is not usable: ${error instanceof Error ? error.message : String(error)}`;
  }
}
