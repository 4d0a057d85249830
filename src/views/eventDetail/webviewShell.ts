import { randomBytes } from 'node:crypto';
import { escapeHtml, type Html } from './html';

/** What the panel knows about its webview, as plain strings (from `webview.cspSource` and `asWebviewUri`). */
export interface WebviewShellInput {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  codiconsUri: string;
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
 * The page around the panel's content: a strict Content-Security-Policy (nothing by default; styles,
 * fonts and images only from the extension; scripts only with this render's nonce), the stylesheets
 * and the one script. A `cspSource` that is not a plain source expression is replaced by `'none'`.
 */
export function buildWebviewShell(input: WebviewShellInput): string {
  const nonce = input.nonce ?? createNonce();
  const sources = input.cspSource.split(/\s+/).filter((source) => SOURCE_EXPRESSION.test(source));
  const source = sources.length > 0 ? sources.join(' ') : "'none'";
  const policy = [`default-src 'none'`, `style-src ${source}`, `font-src ${source}`, `img-src ${source}`, `script-src 'nonce-${nonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(input.codiconsUri)}">`,
    `<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">`,
    // Fetched with the stylesheets, run once the document is parsed: the body is painted without it.
    `<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(input.scriptUri)}" defer></script>`,
    `<title>${escapeHtml(input.title)}</title>`,
    '</head>',
    '<body>',
    `<main id="event-detail" aria-live="polite"${renderIdAttribute(input)}>${input.body ?? '<p class="muted">Loading the event…</p>'}</main>`,
    '</body>',
    '</html>',
  ].join('\n');
}

function renderIdAttribute(input: WebviewShellInput): string {
  return input.body !== undefined && input.renderId !== undefined && Number.isSafeInteger(input.renderId) ? ` data-render-id="${input.renderId}"` : '';
}
