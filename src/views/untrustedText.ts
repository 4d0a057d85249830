import { redactSecrets } from '../sentry/http/secretRedaction';

/**
 * The one gate for text that came from an event, a server's answer or a workspace file on its way
 * to a notification, a tree view message, the status bar or a quick pick. VS Code renders
 * `[label](command:…)` links in notifications (and `$(icon)` in labels), so link and icon syntax is
 * broken apart; line breaks and direction overrides go; secrets are redacted; the length is capped.
 */
export const UNTRUSTED_TEXT_MAX = 300;

const LINK = /\]\s*\(/g;
const AUTOLINK = /<(?=[a-z][a-z0-9+.-]*:)/gi;
const ICON = /\$\(/g;
const BIDI_AND_ZERO_WIDTH = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

export function untrustedText(value: unknown, max = UNTRUSTED_TEXT_MAX): string {
  const text = asText(value);
  // Redacted after the invisible characters go, so none can hide a token from the redactor.
  const visible = text.replace(BIDI_AND_ZERO_WIDTH, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const cleaned = redactSecrets(visible)
    .replace(LINK, '] (')
    .replace(AUTOLINK, '‹')
    .replace(ICON, '$ (');
  if (cleaned.length <= max) return cleaned;
  return `${cleaned.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  try {
    return String(value);
  } catch {
    return '';
  }
}
