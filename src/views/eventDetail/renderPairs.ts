import { count, oneLineText } from './displayText';
import { el, type Html, text } from './html';
import type { PagedList } from './protocol';
import { LIMITS } from './renderLimits';
import { keyValueRow, moreControl } from './renderValue';

/** Name/value text pairs (modules, headers, cookies) a page at a time; long values are cut, each cell escaped. */
export function renderPairsPage(list: PagedList, pairs: ReadonlyArray<readonly [string, string]>, start: number): Html {
  const end = Math.min(pairs.length, start + LIMITS.rowsPage);
  const rows: Html[] = [];
  for (let i = start; i < end; i++) {
    const [name, value] = pairs[i];
    rows.push(keyValueRow(String(name), el('span', { class: 'v-str' }, text(oneLineText(String(value), 2_000)))));
  }
  const table = el('table', { class: 'kv' }, el('tbody', undefined, ...rows));
  if (end >= pairs.length) return table;
  return (table + moreControl({ kind: 'rows', list, start: end }, `Show ${count(pairs.length - end)} more`)) as Html;
}

/** Label/value rows for fields the renderer names itself (user, SDK); empty values are left out. */
export function renderFieldTable(fields: ReadonlyArray<readonly [string, string | undefined]>): Html {
  const rows = fields.filter(([, value]) => value !== undefined && value !== '').map(([label, value]) => keyValueRow(label, el('span', { class: 'v-str' }, text(oneLineText(String(value), 2_000)))));
  return el('table', { class: 'kv' }, el('tbody', undefined, ...rows));
}
