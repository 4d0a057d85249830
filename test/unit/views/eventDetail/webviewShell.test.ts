import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pageAssets } from '../../../../src/views/eventDetail/pageAssets';
import { CODICON_SYMBOLS, type CodiconName } from '../../../../src/views/eventDetail/codiconSymbols';
import { text } from '../../../../src/views/eventDetail/html';
import { buildWebviewShell } from '../../../../src/views/eventDetail/webviewShell';

const INPUT = {
  cspSource: 'https://*.vscode-cdn.net',
  script: 'window.started = 1;',
  style: 'main { color: var(--vscode-foreground); }',
  title: 'Event <b>1</b>',
};

function policyOf(html: string): Map<string, string> {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(match, 'a CSP meta tag');
  const content = match[1].replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return new Map(content.split(';').map((part) => part.trim()).map((part) => [part.split(' ')[0], part.slice(part.indexOf(' ') + 1)]));
}

describe('event detail webview shell', () => {
  it("allows nothing by default, the stylesheet and the script only with the nonce, images only from the webview's source", () => {
    const html = buildWebviewShell({ ...INPUT, nonce: 'abc123' });
    const policy = policyOf(html);
    assert.equal(policy.get('default-src'), "'none'");
    assert.equal(policy.get('style-src'), "'nonce-abc123'");
    assert.equal(policy.get('font-src'), undefined, 'no fonts: the codicons are SVG symbols in the page');
    assert.equal(policy.get('img-src'), 'https://*.vscode-cdn.net');
    assert.equal(policy.get('script-src'), "'nonce-abc123'");
    assert.ok(![...policy.values()].some((value) => /unsafe-inline|unsafe-eval|\*(?!\.)|https?:(?!\/\/\*\.vscode-cdn)/.test(value)), [...policy.values()].join('; '));
    assert.match(html, /<style nonce="abc123">main \{ color: var\(--vscode-foreground\); \}<\/style>/);
    assert.match(html, /<script nonce="abc123">window\.started = 1;<\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script');
    assert.equal((html.match(/<style/g) ?? []).length, 1, 'one stylesheet');
    assert.equal((html.match(/<link /g) ?? []).length, 0, 'nothing fetched before the first screen');
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline handlers');
    assert.match(html, /<title>Event &lt;b&gt;1&lt;\/b&gt;<\/title>/);
  });

  it('makes a fresh nonce for every render', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 50; i++) nonces.add(policyOf(buildWebviewShell(INPUT)).get('script-src') ?? '');
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^'nonce-[A-Za-z0-9+/]{24}'$/);
  });

  it('refuses a cspSource that would add directives, falling back to none', () => {
    for (const evil of ["https://a.example; script-src 'unsafe-inline'", "'unsafe-inline'", 'https://a.example"><script>', '*']) {
      const policy = policyOf(buildWebviewShell({ ...INPUT, cspSource: evil, nonce: 'n' }));
      assert.equal(policy.get('img-src'), "'none'", evil);
      assert.equal(policy.get('style-src'), "'nonce-n'");
      assert.equal(policy.get('script-src'), "'nonce-n'");
      assert.equal(policy.size, 6, evil);
    }
  });

  it('has the stylesheet in the head and runs its script after the body, as a deferred script would', () => {
    const html = buildWebviewShell({ ...INPUT, nonce: 'n' });
    const head = html.slice(0, html.indexOf('</head>'));
    assert.match(head, /<style nonce="n">/);
    assert.ok(!head.includes('<script'), 'no script in the head');
    assert.ok(html.indexOf('<script nonce="n">') > html.indexOf('</main>'), 'the script after the body');
  });

  it("writes the extension's own media into the page, and refuses text that could end its element", () => {
    const media = pageAssets(path.resolve(__dirname, '../../../../..'));
    assert.ok(media.script.includes('painted') && media.style.includes('--vscode-'), 'the built media files');
    const html = buildWebviewShell({ ...INPUT, ...media, nonce: 'n' });
    assert.ok(html.includes(media.script) && html.includes(media.style));
    assert.throws(() => buildWebviewShell({ ...INPUT, script: 'a = "</SCRIPT><img src=x>"' }), /script cannot be written into the page/);
    assert.throws(() => buildWebviewShell({ ...INPUT, script: 'a = "<!--"' }), /script cannot be written into the page/);
    assert.throws(() => buildWebviewShell({ ...INPUT, style: 'p::after { content: "</style>" }' }), /style cannot be written into the page/);
  });

  it('marks a first body with its render id (the page reports it painted); "Loading…" has none', () => {
    const loading = buildWebviewShell({ ...INPUT, renderId: 3 });
    assert.match(loading, /<main id="event-detail" aria-live="polite"><p class="muted">Loading the event…<\/p><\/main>/);
    const first = buildWebviewShell({ ...INPUT, body: text('event <b>'), renderId: 3 });
    assert.match(first, /<main id="event-detail" aria-live="polite" data-render-id="3">event &lt;b&gt;<\/main>/);
    assert.doesNotMatch(buildWebviewShell({ ...INPUT, body: text('x'), renderId: Number.NaN }), /data-render-id/);
  });

  it('holds every codicon once as a symbol from @vscode/codicons', () => {
    const html = buildWebviewShell({ ...INPUT, nonce: 'n' });
    const body = html.slice(html.indexOf('<body>'), html.indexOf('<main'));
    for (const name of Object.keys(CODICON_SYMBOLS) as CodiconName[]) {
      assert.equal(body.split(`<symbol id="codicon-${name}" viewBox="0 0 16 16">${CODICON_SYMBOLS[name]}</symbol>`).length, 2, name);
    }
    assert.match(body, /^<body>\n<svg class="codicon-sprite" width="0" height="0" aria-hidden="true" focusable="false"><symbol /);
  });

  it('escapes the title and takes its body as built markup', () => {
    const html = buildWebviewShell({ ...INPUT, title: '</title><script>alert(1)</script>', body: text('<b>') });
    assert.ok(!html.includes('<script>alert'), html);
    assert.match(html, /<main id="event-detail" aria-live="polite">&lt;b&gt;<\/main>/);
  });
});
