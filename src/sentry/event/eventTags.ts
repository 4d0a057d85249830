import { isList, isRecord, ownValue, scalarText } from '../json/jsonValues';
import type { ProblemLog } from './problemLog';

export type EventTag = { key: string; value: string };

/** Tags as `[{key, value}]` (API), `[[key, value]]` or `{key: value}` (store). Values are turned into text. */
export function parseTags(value: unknown, problems: ProblemLog): EventTag[] {
  if (value === undefined || value === null) return [];
  const tags: EventTag[] = [];
  if (isRecord(value)) {
    for (const [key, tagValue] of Object.entries(value)) pushTag(tags, key, tagValue, `tag "${key}"`, problems);
    return tags;
  }
  if (!isList(value)) {
    problems.add('tags is not a list or an object');
    return [];
  }
  value.forEach((item, i) => {
    const where = `tag ${i + 1}`;
    if (isList(item) && item.length >= 2) pushTag(tags, item[0], item[1], where, problems);
    else if (isRecord(item)) pushTag(tags, ownValue(item, 'key'), ownValue(item, 'value'), where, problems);
    else problems.add(`${where} is not a [key, value] pair`);
  });
  return tags;
}

export function tagValue(tags: EventTag[], key: string): string | undefined {
  return tags.find((tag) => tag.key === key)?.value;
}

function pushTag(tags: EventTag[], key: unknown, value: unknown, where: string, problems: ProblemLog): void {
  const keyText = scalarText(key);
  const valueText = scalarText(value);
  if (keyText === undefined || keyText === '') problems.add(`${where} has no key`);
  else if (valueText === undefined) problems.add(`${where} has no value`);
  else tags.push({ key: keyText, value: valueText });
}
