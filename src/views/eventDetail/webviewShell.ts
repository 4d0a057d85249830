import { randomBytes } from 'node:crypto';
import { CODICON_SYMBOLS, type CodiconName } from './codiconSymbols';
import { escapeHtml, type Html } from './html';

/** What the panel knows about its webview, as plain strings (from `webview.cspSource` and `asWebviewUri`). */
export interface WebviewShellInput {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
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
 * The page around the panel's content: a strict Content-Security-Policy (nothing by default; styles
 * and images only from the extension; scripts only with this render's nonce), the stylesheet, the one
 * script, and the codicons as SVG symbols the body's icons draw (no icon font or codicon stylesheet to
 * fetch before the first screen is complete). A `cspSource` that is not a plain source expression is
 * replaced by `'none'`.
 */
export function buildWebviewShell(input: WebviewShellInput): string {
  const nonce = input.nonce ?? createNonce();
  const sources = input.cspSource.split(/\s+/).filter((source) => SOURCE_EXPRESSION.test(source));
  const source = sources.length > 0 ? sources.join(' ') : "'none'";
  const policy = [`default-src 'none'`, `style-src ${source}`, `img-src ${source}`, `script-src 'nonce-${nonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">`,
    // Fetched with the stylesheets, run once the document is parsed: the body is painted without it.
    `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(input.scriptUri)}" defer></script>`,
    `<title>${escapeHtml(input.title)}</title>`,
    '</head>',
    '<body>',
    CODICON_SPRITE,
    `<main id="event-detail" aria-live="polite"${renderIdAttribute(input)}>${input.body ?? '<p class="muted">Loading the event…</p>'}</main>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** Every codicon the panel shows, once, as symbols (constant markup from @vscode/codicons, see codiconSymbols.ts). */
const CODICON_SPRITE = `<svg class="codicon-sprite" width="0" height="0" aria-hidden="true" focusable="false">${(Object.keys(CODICON_SYMBOLS) as CodiconName[])
  .map((name) => `<symbol id="codicon-${name}" viewBox="0 0 16 16">${CODICON_SYMBOLS[name]}</symbol>`)
  .join('')}</svg>`;

function renderIdAttribute(input: WebviewShellInput): string {
  return input.body !== undefined && input.renderId !== undefined && Number.isSafeInteger(input.renderId) ? ` data-render-id="${input.renderId}"` : '';
}
