import { clip, count, describeValue, oneLineText } from './displayText';
import { dataJson, el, type Html, text } from './html';
import type { FragmentRef, ValuePath } from './protocol';
import type { RenderContext } from './renderContext';
import { LIMITS } from './renderLimits';

/**
 * Any value from an event (a frame's variables, extra, contexts, breadcrumb data, a request body) as
 * escaped markup: scalars inline, objects and arrays as collapsible key/value tables, long strings cut
 * with "show all", deep or numerous entries deferred to a fragment addressed by the value's path.
 */
export function renderValue(ctx: RenderContext, value: unknown, path: ValuePath, depth: number, ancestors: readonly object[] = []): Html {
  if (typeof value === 'string') return renderString(value, path);
  if (typeof value !== 'object' || value === null) return el('span', { class: scalarClass(value) }, text(describeValue(value)));
  if (ancestors.includes(value)) return el('span', { class: 'v-other' }, text('[circular reference]'));
  const size = entryCount(value);
  if (size === 0) return el('span', { class: 'v-empty' }, text(Array.isArray(value) ? '[]' : '{}'));
  const summary = el('summary', undefined, el('span', { class: 'v-summary' }, text(nestedSummary(value, size))));
  const open = depth === 0 && size <= LIMITS.openEntries;
  // A folded value with many entries is not painted until it is opened.
  if (depth >= LIMITS.inlineDepth || (!open && size > LIMITS.openEntries) || !ctx.spend(Math.min(size, LIMITS.entriesPage))) {
    return el('details', { class: 'v-nested', 'data-fragment': fragment({ kind: 'value', path, start: 0 }) }, summary, el('div', { class: 'pending' }));
  }
  return el('details', { class: 'v-nested', open }, summary, renderEntries(ctx, value, path, depth + 1, 0, [...ancestors, value]));
}

/** A key/value table of an object's or array's entries from `start`, one page, then a "show more" control. */
export function renderEntries(ctx: RenderContext, value: object, path: ValuePath, depth: number, start: number, ancestors: readonly object[] = []): Html {
  const keys = Array.isArray(value) ? undefined : Object.keys(value);
  const total = keys ? keys.length : (value as unknown[]).length;
  const end = Math.min(total, start + LIMITS.entriesPage);
  const rows: Html[] = [];
  for (let i = start; i < end; i++) {
    const key = keys ? keys[i] : i;
    const child = keys ? (value as Record<string, unknown>)[keys[i]] : (value as unknown[])[i];
    rows.push(keyValueRow(String(key), renderValue(ctx, child, [...path, key], depth, ancestors)));
  }
  const table = el('table', { class: 'kv' }, el('tbody', undefined, ...rows));
  if (end >= total) return table;
  const rest = total - end;
  return (table + moreControl({ kind: 'value', path, start: end }, `Show ${count(Math.min(LIMITS.entriesPage, rest))} more of ${count(rest)}`)) as Html;
}

/** One string in full (up to a generous cap), the answer to "show all". */
export function renderFullString(value: string): Html {
  if (value.length <= LIMITS.stringFull) return el('span', { class: 'v-str' }, text(value));
  const rest = value.length - LIMITS.stringFull;
  return el('span', { class: 'v-str' }, text(value.slice(0, LIMITS.stringFull)), el('span', { class: 'muted' }, text(` … ${count(rest)} more characters not shown`)));
}

export function keyValueRow(key: string, valueHtml: Html): Html {
  return el('tr', undefined, el('th', { title: key.length > LIMITS.label ? clip(key, 1_000) : undefined }, text(oneLineText(key, LIMITS.label))), el('td', undefined, valueHtml));
}

/** A button that replaces its slot with the fragment it names. */
export function moreControl(ref: FragmentRef, label: string): Html {
  return el('div', { class: 'slot more' }, el('button', { class: 'link', type: 'button', 'data-action': 'loadFragment', 'data-fragment': fragment(ref) }, text(label)));
}

export function fragment(ref: FragmentRef): string {
  return dataJson(ref);
}

function renderString(value: string, path: ValuePath): Html {
  if (value.length <= LIMITS.stringPreview) return el('span', { class: 'v-str' }, text(value));
  return el(
    'span',
    { class: 'slot' },
    el('span', { class: 'v-str' }, text(clip(value, LIMITS.stringPreview))),
    el('button', { class: 'link', type: 'button', 'data-action': 'loadFragment', 'data-fragment': fragment({ kind: 'value', path, start: 0 }) }, text(`show all (${count(value.length)} characters)`)),
  );
}

function scalarClass(value: unknown): string {
  if (value === null || value === undefined) return 'v-null';
  if (typeof value === 'number' || typeof value === 'bigint') return 'v-num';
  if (typeof value === 'boolean') return 'v-bool';
  return 'v-other';
}

function entryCount(value: object): number {
  return Array.isArray(value) ? value.length : Object.keys(value).length;
}

/** "{id, email, …}" or "[3 items]". */
function nestedSummary(value: object, size: number): string {
  if (Array.isArray(value)) return `[${count(size)} item${size === 1 ? '' : 's'}]`;
  const keys: string[] = [];
  let length = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const label = oneLineText(key, 40);
    if (keys.length === 4 || length + label.length > 60) {
      keys.push('…');
      break;
    }
    keys.push(label);
    length += label.length;
  }
  return `{${keys.join(', ')}}`;
}
