import { readObject } from '../json/fieldReader';
import { isList, isRecord, ownValue } from '../json/jsonValues';
import type { Breadcrumb } from './eventModel';
import { toIsoTime } from './eventTime';
import type { ProblemLog } from './problemLog';

/** Breadcrumbs as `{values: [...]}` (API entry data, store) or a bare list (old store). Timestamps become ISO-8601. */
export function parseBreadcrumbs(value: unknown, problems: ProblemLog): Breadcrumb[] {
  if (value === undefined || value === null) return [];
  const list = isList(value) ? value : isRecord(value) ? ownValue(value, 'values') : undefined;
  if (!isList(list)) {
    problems.add('breadcrumbs is not a list');
    return [];
  }
  const crumbs: Breadcrumb[] = [];
  list.forEach((item, i) => {
    const where = `breadcrumb ${i + 1}`;
    const reader = readObject(item, where, problems);
    if (!reader) return;
    const rawTime = reader.raw('timestamp');
    const timestamp = toIsoTime(rawTime);
    if (rawTime !== undefined && timestamp === undefined) reader.note('timestamp is not a time');
    crumbs.push({
      timestamp,
      type: reader.str('type'),
      category: reader.str('category'),
      level: reader.str('level'),
      message: reader.str('message'),
      data: reader.obj('data'),
    });
  });
  return crumbs;
}
