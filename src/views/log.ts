import { redactSecrets } from '../sentry/http/secretRedaction';

/** Where the extension writes what it did: the one writer of log lines, every one redacted. */
export interface Log {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  show(): void;
}

const CONTROL_EXCEPT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * One log entry from a message and whatever came with it (errors with their stack): secrets
 * redacted, control characters removed; the message stays on one line and every further line is
 * indented, so text from a server or an event cannot pass for an entry of its own.
 */
export function logLine(message: string, details: readonly unknown[] = []): string {
  const head = message.replace(/[\r\n]+/g, ' ');
  const text = [head, ...details.map(describe)].join(' ');
  return redactSecrets(text).replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_NEWLINE_AND_TAB, '').replace(/\n/g, '\n  ');
}

function describe(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail) ?? String(detail);
  } catch {
    return String(detail);
  }
}
