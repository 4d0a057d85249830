import type { ExceptionInfo } from './eventModel';

const MAX_TITLE_LENGTH = 500;
export const UNLABELED_EVENT = '<unlabeled event>';

/**
 * Sentry's own rule for a title: the raised (last) exception as "Type: value", else the first line
 * of the message, else "<unlabeled event>". Titles are labels, so they are capped in length.
 */
export function deriveTitle(exceptions: ExceptionInfo[], message: string | undefined): string {
  const raised = exceptions[exceptions.length - 1];
  if (raised) {
    const value = firstLine(raised.value);
    return capLabel(value ? `${raised.type}: ${value}` : raised.type);
  }
  const line = message === undefined ? '' : firstLine(message);
  return line ? capLabel(line) : UNLABELED_EVENT;
}

export function capLabel(text: string): string {
  return text.length > MAX_TITLE_LENGTH ? `${text.slice(0, MAX_TITLE_LENGTH)}…` : text;
}

function firstLine(text: string): string {
  const head = text.slice(0, MAX_TITLE_LENGTH * 2);
  return head.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}
