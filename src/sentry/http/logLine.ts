import { redactSecrets } from './secretRedaction';

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

const MAX_CAUSES = 5;

function describe(detail: unknown): string {
  if (detail instanceof Error) return describeError(detail);
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail) ?? String(detail);
  } catch {
    return String(detail);
  }
}

/** An error's stack, then what caused it (`Error.cause`), a few levels deep. */
function describeError(error: Error): string {
  const parts = [error.stack ?? `${error.name}: ${error.message}`];
  let cause: unknown = error.cause;
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth++) {
    parts.push(`Caused by: ${cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return parts.join('\n');
}
