import { readObject } from '../json/fieldReader';
import { isList, isRecord, scalarText } from '../json/jsonValues';
import type { EventRequest } from './eventModel';
import { definedOnly, parseCookies } from './eventTextFields';
import type { ProblemLog } from './problemLog';

/** The request interface: API entry data (`query`, headers as pairs) or store (`query_string`, headers as pairs or an object). */
export function parseRequest(value: unknown, problems: ProblemLog): EventRequest | undefined {
  const reader = readObject(value, 'request', problems);
  if (!reader) return undefined;
  return {
    url: reader.str('url'),
    method: reader.str('method'),
    query: queryText(reader.raw('query', 'query_string'), problems),
    headers: headerPairs(reader.raw('headers'), problems),
    data: reader.raw('data'),
    ...definedOnly({ cookies: parseCookies(reader.raw('cookies'), problems) }),
  };
}

/** For display: pairs and objects are joined as `k=v&k2=v2`, as Sentry's own API renders them. */
function queryText(value: unknown, problems: ProblemLog): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  const pairs = namedPairs(value, 'request query', problems);
  if (!pairs) return undefined;
  return pairs.length === 0 ? undefined : pairs.map(([name, text]) => `${name}=${text}`).join('&');
}

function headerPairs(value: unknown, problems: ProblemLog): Array<[string, string]> {
  if (value === undefined) return [];
  return namedPairs(value, 'request headers', problems) ?? [];
}

function namedPairs(value: unknown, where: string, problems: ProblemLog): Array<[string, string]> | undefined {
  const pairs: Array<[string, string]> = [];
  if (isRecord(value)) {
    for (const [name, item] of Object.entries(value)) {
      const text = scalarText(item);
      if (text === undefined) problems.add(`${where}: "${name}" has no text value`);
      else pairs.push([name, text]);
    }
    return pairs;
  }
  if (!isList(value)) {
    problems.add(`${where} is not a list of pairs or an object`);
    return undefined;
  }
  value.forEach((item, i) => {
    const name = isList(item) ? scalarText(item[0]) : undefined;
    const text = isList(item) ? scalarText(item[1] ?? '') : undefined;
    if (name === undefined || text === undefined) problems.add(`${where}: item ${i + 1} is not a [name, value] pair`);
    else pairs.push([name, text]);
  });
  return pairs;
}
