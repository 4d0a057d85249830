/**
 * Keeps Sentry tokens out of anything a person or a log can read. The token in use is registered
 * by whoever holds it; anything else shaped like a Sentry token is redacted as well, since a
 * server or an event may echo a token we never saw.
 */

const REDACTED = '[redacted]';
const MIN_SECRET_LENGTH = 8;
const known = new Set<string>();

/**
 * User auth tokens (`sntryu_` + 64 hex), organization tokens (`sntrys_` + base64 and a signature),
 * legacy tokens (64 hex), and whatever follows `Bearer `.
 */
const TOKEN_SHAPES = /\bsntry[a-z]_[A-Za-z0-9+/=_-]{8,}|\b[0-9a-fA-F]{64}\b|(?<=\bBearer\s+)[^\s"',;]+/g;

/** Remembers a secret so that `redactSecrets` removes it from every text; returns a way to forget it. */
export function registerSecret(secret: string): () => void {
  const value = secret.trim();
  if (value.length < MIN_SECRET_LENGTH) return () => undefined;
  known.add(value);
  return () => known.delete(value);
}

export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out.replace(TOKEN_SHAPES, REDACTED);
}
