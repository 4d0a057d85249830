import { randomBytes } from 'node:crypto';
import { CODICON_SYMBOLS, type CodiconName } from './codiconSymbols';
import { escapeHtml, type Html } from './html';

/** What the panel knows about its webview (`webview.cspSource`), and the page's stylesheet and script as text (media/, read by the extension). */
export interface WebviewShellInput {
  cspSource: string;
  script: string;
  style: string;
  title: string;
  /** The panel's first body, painted as the page loads (without it: "Loading…", and the body follows the ready handshake). */
  body?: Html;
  /** The render id of `body`: the page reports `painted` with it. */
  renderId?: number;
  /** For tests; a fresh one is made per render otherwise. */
  nonce?: string;
}

/** A source expression is a host or scheme pattern (`https://*.vscode-cdn.net`, `vscode-resource:`): no quotes, semicolons or spaces. */
const SOURCE_EXPRESSION = /^[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[A-Za-z0-9*.:[\]_-]+)?[A-Za-z0-9/*._~-]*$/;

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The page around the panel's content: a strict Content-Security-Policy (nothing by default; the
 * stylesheet and the script only with this render's nonce, images only from the extension), the
 * extension's stylesheet and script written into the page under that nonce, and the codicons as SVG
 * symbols the body's icons draw: the first screen needs no file fetched. A `cspSource` that is not a
 * plain source expression is replaced by `'none'`.
 */
export function buildWebviewShell(input: WebviewShellInput): string {
  const nonce = input.nonce ?? createNonce();
  const sources = input.cspSource.split(/\s+/).filter((source) => SOURCE_EXPRESSION.test(source));
  const source = sources.length > 0 ? sources.join(' ') : "'none'";
  const policy = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `img-src ${source}`, `script-src 'nonce-${nonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<style nonce="${escapeHtml(nonce)}">${pageText(input.style, 'style')}</style>`,
    `<title>${escapeHtml(input.title)}</title>`,
    '</head>',
    '<body>',
    CODICON_SPRITE,
    `<main id="event-detail" aria-live="polite"${renderIdAttribute(input)}>${input.body ?? '<p class="muted">Loading the event…</p>'}</main>`,
    // Run once the body is parsed, as a deferred script would.
    `<script nonce="${escapeHtml(nonce)}">${pageText(input.script, 'script')}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** Every codicon the panel shows, once, as symbols (constant markup from @vscode/codicons, see codiconSymbols.ts). */
const CODICON_SPRITE = `<svg class="codicon-sprite" width="0" height="0" aria-hidden="true" focusable="false">${(Object.keys(CODICON_SYMBOLS) as CodiconName[])
  .map((name) => `<symbol id="codicon-${name}" viewBox="0 0 16 16">${CODICON_SYMBOLS[name]}</symbol>`)
  .join('')}</svg>`;

/** The extension's own stylesheet or script as element text: refused if it could end its element early. */
function pageText(content: string, element: 'style' | 'script'): string {
  if (content.toLowerCase().includes(`</${element}`) || content.includes('<!--')) throw new Error(`media's ${element} cannot be written into the page as it is`);
  return content;
}

function renderIdAttribute(input: WebviewShellInput): string {
  return input.body !== undefined && input.renderId !== undefined && Number.isSafeInteger(input.renderId) ? ` data-render-id="${input.renderId}"` : '';
}
