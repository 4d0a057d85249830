import { readObject } from '../json/fieldReader';
import type { SentryEvent } from './eventModel';
import type { ProblemLog } from './problemLog';

export function parseSdk(value: unknown, problems: ProblemLog): SentryEvent['sdk'] {
  const reader = readObject(value, 'sdk', problems);
  if (!reader) return undefined;
  const name = reader.str('name');
  const version = reader.str('version');
  return name === undefined && version === undefined ? undefined : { name, version };
}
