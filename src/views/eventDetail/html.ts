/**
 * Markup built only from our own tags and attributes, with every piece of text escaped by the one
 * escape function below. `Html` is a branded string: event data can only become `Html` through
 * `text()` (or an attribute value through `el()`), both of which escape it.
 */

import type { CodiconName } from './codiconSymbols';

declare const htmlBrand: unique symbol;
export type Html = string & { readonly [htmlBrand]: true };

export type Tag =
  | 'div' | 'span' | 'section' | 'header' | 'h1' | 'h2' | 'h3' | 'p' | 'details' | 'summary'
  | 'table' | 'tbody' | 'tr' | 'th' | 'td' | 'button' | 'input' | 'code' | 'pre' | 'ul' | 'li';

export type AttributeName =
  | 'class' | 'title' | 'open' | 'type' | 'placeholder' | 'role' | 'colspan' | 'spellcheck' | 'tabindex'
  | 'aria-label' | 'aria-live'
  | 'data-action' | 'data-fragment' | 'data-frame' | 'data-tag' | 'data-target' | 'data-filter' | 'data-list' | 'data-issue-action';

export type Attributes = Partial<Record<AttributeName, string | number | boolean | undefined>>;

type Child = Html | undefined | null | false;

const VOID_TAGS: ReadonlySet<Tag> = new Set(['input']);

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markup characters, and the direction overrides that can make code read differently from what it is. */
const SPECIAL = /[&<>"'\u202a-\u202e\u2066-\u2069]/g;

/** The one escape function: for text and for (double-quoted) attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(SPECIAL, (c) => ENTITIES[c] ?? '\ufffd');
}

export function text(value: string): Html {
  return escapeHtml(value) as Html;
}

export const EMPTY = '' as Html;

export function el(tag: Tag, attributes: Attributes | undefined, ...children: Child[]): Html {
  let open = `<${tag}`;
  if (attributes) {
    for (const name of Object.keys(attributes) as AttributeName[]) {
      const value = attributes[name];
      if (value === undefined || value === false) continue;
      open += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
    }
  }
  if (VOID_TAGS.has(tag)) return `${open}>` as Html;
  let inner = '';
  for (const child of children) if (child) inner += child;
  return `${open}>${inner}</${tag}>` as Html;
}

export function frag(parts: readonly Child[]): Html {
  let out = '';
  for (const part of parts) if (part) out += part;
  return out as Html;
}

/**
 * A codicon by name (a constant of ours, never event data): an SVG drawing the page's symbol for it
 * (webviewShell.ts puts every codicon's symbol in the page once), in the text's colour.
 */
export function icon(name: CodiconName, label?: string): Html {
  const drawing = `<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><use href="#codicon-${name}"></use></svg>` as Html;
  return el('span', { class: `codicon codicon-${name}`, 'aria-label': label, role: label ? 'img' : undefined }, drawing);
}

/** Structured data for the webview script, carried in a data attribute as JSON (escaped like any attribute). */
export function dataJson(value: unknown): string {
  return JSON.stringify(value);
}
