import { isList, isRecord, scalarText } from '../json/jsonValues';
import type { ProblemLog } from './problemLog';

/**
 * A flat object of text values (`{"my.package": "1.0.0"}`, a user's `geo`) or a list of `[name, value]`
 * pairs, as pairs in their order. Values that are not text are left out and noted; empty gives undefined.
 */
export function parseTextFields(value: unknown, where: string, problems: ProblemLog): Array<[string, string]> | undefined {
  if (value === undefined || value === null) return undefined;
  const pairs: Array<[string, string]> = [];
  if (isRecord(value)) {
    for (const [name, item] of Object.entries(value)) {
      const text = item === null ? '' : scalarText(item);
      if (text === undefined) problems.add(`${where}: "${name}" is not text`);
      else pairs.push([name, text]);
    }
  } else if (isList(value)) {
    value.forEach((item, i) => {
      const name = isList(item) ? scalarText(item[0]) : undefined;
      const text = isList(item) ? scalarText(item[1] ?? '') : undefined;
      if (name === undefined || text === undefined) problems.add(`${where}: item ${i + 1} is not a [name, value] pair`);
      else pairs.push([name, text]);
    });
  } else {
    problems.add(`${where} is not an object or a list of pairs`);
    return undefined;
  }
  return pairs.length === 0 ? undefined : pairs;
}

/** Request cookies: pairs or an object (API, store), or the raw `Cookie` header text (`a=1; b=2`, store). */
export function parseCookies(value: unknown, problems: ProblemLog): Array<[string, string]> | undefined {
  if (typeof value !== 'string') return parseTextFields(value, 'request cookies', problems);
  const pairs = value
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part): [string, string] => {
      const eq = part.indexOf('=');
      return eq === -1 ? [part, ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    });
  return pairs.length === 0 ? undefined : pairs;
}

/** The fields that have a value: fields added to the model later stay absent, not `undefined`, when the input lacks them. */
export function definedOnly<T extends object>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(fields) as Array<keyof T>) {
    if (fields[key] !== undefined) out[key] = fields[key];
  }
  return out;
}
