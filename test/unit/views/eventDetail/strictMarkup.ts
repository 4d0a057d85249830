import * as assert from 'node:assert/strict';
import { CODICON_SYMBOLS } from '../../../../src/views/eventDetail/codiconSymbols';

/**
 * A strict reader of the renderer's output: every `<` opens or closes a tag from the allow-list, tags
 * nest and close, every attribute is from the allow-list with a double-quoted value free of `<`, `>`
 * and raw quotes, `&` only starts a known entity, text holds no markup characters at all, and the
 * data attributes the webview script reads hold exactly the shapes it expects.
 */

const TAGS = new Set(['div', 'span', 'section', 'header', 'h1', 'h2', 'h3', 'p', 'details', 'summary', 'table', 'tbody', 'tr', 'th', 'td', 'button', 'input', 'code', 'pre', 'ul', 'li']);
const VOID = new Set(['input']);
const ATTRIBUTES = new Set(['class', 'title', 'open', 'type', 'placeholder', 'role', 'colspan', 'spellcheck', 'tabindex', 'aria-label', 'aria-live', 'data-action', 'data-fragment', 'data-frame', 'data-tag', 'data-target', 'data-filter', 'data-list', 'data-issue-action']);
const ACTIONS = new Set(['openFrame', 'searchIssues', 'openExternal', 'copyMarkdown', 'loadFragment', 'issueAction']);
const ISSUE_ACTIONS = new Set(['resolve', 'resolveInNextRelease', 'unresolve', 'ignore', 'assignToMe', 'assign', 'bookmark', 'unbookmark', 'downloadEvents']);
const ENTITY = /^&(?:amp|lt|gt|quot|#39);/;
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*(?:="[^"<>]*")?)*)\s*>/y;
const ATTRIBUTE = /\s+([a-z][a-z-]*)(?:="([^"<>]*)")?/g;

export interface MarkupSummary {
  tags: number;
  /** Every `data-fragment` in the markup, parsed. */
  fragments: unknown[];
  /** Every `data-frame`, parsed. */
  frames: unknown[];
  text: string;
}

/** A codicon's drawing (html.ts `icon()`): constant markup, right after the span that names the same codicon. */
const ICON_DRAWING = /(<span class="codicon codicon-([a-z-]+)"[^<>]*>)<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><use href="#codicon-([a-z-]+)"><\/use><\/svg>/g;

/** The markup with each codicon's drawing checked and taken out (its span stays): what the event could have put there. */
export function withoutIconDrawings(markup: string): string {
  return markup.replace(ICON_DRAWING, (_, span: string, name: string, drawn: string) => {
    assert.ok(Object.hasOwn(CODICON_SYMBOLS, name) && drawn === name, `a drawing of codicon ${drawn} in the span of ${name}`);
    return span;
  });
}

export function checkMarkup(markup: string): MarkupSummary {
  const html = withoutIconDrawings(markup);
  const open: string[] = [];
  const summary: MarkupSummary = { tags: 0, fragments: [], frames: [], text: '' };
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt === -1 ? html.length : lt;
    checkText(html.slice(pos, textEnd), textEnd);
    summary.text += decode(html.slice(pos, textEnd));
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    assert.ok(match, `a "<" that starts no allowed tag at ${lt}: ${JSON.stringify(html.slice(lt, lt + 80))}`);
    const [, closing, name, attributes] = match;
    assert.ok(TAGS.has(name), `tag <${name}> is not allowed`);
    if (closing) {
      assert.equal(attributes.trim(), '', `closing tag </${name}> with attributes`);
      assert.equal(open.pop(), name, `</${name}> closes something else at ${lt}`);
    } else {
      checkAttributes(name, attributes, summary);
      if (!VOID.has(name)) open.push(name);
    }
    summary.tags++;
    pos = TAG.lastIndex;
  }
  assert.deepEqual(open, [], 'every tag is closed');
  return summary;
}

function checkText(segment: string, at: number): void {
  assert.ok(!/[>"']/.test(segment), `unescaped markup character in text before ${at}: ${JSON.stringify(segment.slice(0, 80))}`);
  checkEntities(segment);
}

function checkEntities(segment: string): void {
  for (let i = segment.indexOf('&'); i !== -1; i = segment.indexOf('&', i + 1)) {
    assert.ok(ENTITY.test(segment.slice(i, i + 6)), `a bare "&" in ${JSON.stringify(segment.slice(Math.max(0, i - 20), i + 20))}`);
  }
}

function checkAttributes(tag: string, attributes: string, summary: MarkupSummary): void {
  const seen = new Set<string>();
  for (const [, name, raw] of attributes.matchAll(ATTRIBUTE)) {
    assert.ok(ATTRIBUTES.has(name), `attribute ${name} on <${tag}> is not allowed`);
    assert.ok(!name.startsWith('on'), `event handler attribute ${name}`);
    assert.ok(!seen.has(name), `attribute ${name} twice on <${tag}>`);
    seen.add(name);
    if (raw === undefined) continue;
    checkEntities(raw);
    const value = decode(raw);
    assert.ok(!/javascript:|command:|vbscript:|data:/i.test(value) || name.startsWith('data-') || name === 'title', `a script URL in ${name}="${value}"`);
    checkDataAttribute(name, value, summary);
  }
}

function checkDataAttribute(name: string, value: string, summary: MarkupSummary): void {
  switch (name) {
    case 'class':
      assert.match(value, /^[a-z0-9 -]+$/, `class "${value}" carries something that is not ours`);
      break;
    case 'data-action':
      assert.ok(ACTIONS.has(value), `unknown action ${value}`);
      break;
    case 'data-target':
      assert.ok(value === 'event' || value === 'issue', `unknown target ${value}`);
      break;
    case 'data-issue-action':
      assert.ok(ISSUE_ACTIONS.has(value), `unknown issue action ${value}`);
      break;
    case 'data-tag':
      assert.match(value, /^\d+$/);
      break;
    case 'data-filter':
    case 'data-list':
      assert.equal(value, 'breadcrumbs');
      break;
    case 'data-fragment':
      summary.fragments.push(JSON.parse(value));
      break;
    case 'data-frame':
      summary.frames.push(JSON.parse(value));
      break;
    default:
      break;
  }
}

export function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity] ?? '');
}
