import { isRecordValue, oneLineText, ownProperty } from './displayText';
import { el, EMPTY, type Html, text } from './html';
import type { RenderContext } from './renderContext';
import { renderEntries, renderValue } from './renderValue';

const KNOWN: Record<string, string> = { browser: 'Browser', os: 'Operating System', client_os: 'Client OS', runtime: 'Runtime', device: 'Device', app: 'App', gpu: 'GPU', culture: 'Culture', trace: 'Trace', response: 'Response', cloud_resource: 'Cloud Resource' };
const FIRST = ['browser', 'os', 'client_os', 'runtime', 'device', 'app'];

/** Each context as a card: the known kinds first with a headline ("Chrome 120.0"), unknown ones generically. */
export function renderContexts(ctx: RenderContext, contexts: Record<string, unknown>): Html {
  const names = Object.keys(contexts);
  const ordered = [...FIRST.filter((name) => names.includes(name)), ...names.filter((name) => !FIRST.includes(name))];
  return el('div', { class: 'cards' }, ...ordered.map((name) => renderContextCard(ctx, name, contexts[name])));
}

function renderContextCard(ctx: RenderContext, name: string, value: unknown): Html {
  const kind = isRecordValue(value) && typeof ownProperty(value, 'type') === 'string' ? String(ownProperty(value, 'type')) : name;
  const title = Object.prototype.hasOwnProperty.call(KNOWN, name) ? KNOWN[name] : Object.prototype.hasOwnProperty.call(KNOWN, kind) ? `${KNOWN[kind]} (${name})` : name;
  const headline = isRecordValue(value) ? nameAndVersion(value) : undefined;
  return el(
    'div',
    { class: 'card' },
    el('h3', undefined, text(oneLineText(title, 100)), headline ? el('span', { class: 'muted headline' }, text(` ${oneLineText(headline, 120)}`)) : EMPTY),
    isRecordValue(value) ? renderEntries(ctx, value, ['contexts', name], 1, 0) : renderValue(ctx, value, ['contexts', name], 1),
  );
}

function nameAndVersion(value: Record<string, unknown>): string | undefined {
  const name = ownProperty(value, 'name');
  const version = ownProperty(value, 'version');
  const model = ownProperty(value, 'model');
  const parts = [name, version, model].filter((part): part is string | number => typeof part === 'string' || typeof part === 'number');
  return parts.length > 0 ? parts.join(' ') : undefined;
}
