import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEvent, parseEventText } from '../../../../src/sentry/event/eventParser';
import { eventToMarkdown } from '../../../../src/views/eventDetail/eventMarkdown';
import { frameVariableLines } from '../../../../src/views/eventDetail/frameVariablesText';
import { markdownCode, markdownCodeBlock, markdownText } from '../../../../src/views/markdown';
import { hostileStoreEvent } from './hostileEvents';

const OWN = path.resolve(__dirname, '../../../../../test/fixtures/events');

/** Markdown structure a pasted event must never create: links, images, autolinks, raw HTML, headings or lists of its own. */
function assertNoInjectedStructure(markdown: string): void {
  const outsideCode = stripCode(markdown);
  assert.ok(!/(?<!\\)\]\(/.test(outsideCode), 'no link or image syntax');
  assert.ok(!/(?<!\\)<[a-z!/]/i.test(outsideCode), 'no raw HTML or autolinks');
  assert.ok(!/https?:\/\/|www\./i.test(outsideCode), 'no bare URLs to autolink');
  for (const line of outsideCode.split('\n')) {
    if (/^#{1,6} /.test(line)) assert.match(line, /^(## |### (Exception|Exceptions|Stack trace|Tags|Request)|#### )/, `a heading of ours: ${line}`);
  }
}

/** Removes fenced blocks and code spans, checking that every fence closes. */
function stripCode(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const match = /^(`{3,})/.exec(line);
    if (fence === undefined && match) fence = match[1];
    else if (fence !== undefined && line === fence) fence = undefined;
    else if (fence === undefined) out.push(line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, ''));
  }
  assert.equal(fence, undefined, 'every code block closes');
  return out.join('\n');
}

describe('Copy Event as Markdown', () => {
  it('gives the exception chain, in-app frames with context and variables, tags and the request', () => {
    const [event] = parseEventText(fs.readFileSync(path.join(OWN, 'store-event.json'), 'utf8'));
    const markdown = eventToMarkdown(event, { issueShortId: 'API-12' });
    assert.match(markdown, /^## OutOfStockError: SKU-RED-MUG: requested 3, available 1\n/);
    assert.match(markdown, /Issue: API-12/);
    assert.match(markdown, /### Exceptions \(2, most recent first\)/);
    assert.match(markdown, /#### 1\. OutOfStockError: .* \(unhandled\)\n[\s\S]*#### 2\. KeyError/);
    assert.match(markdown, /\*\*reserve\\_stock\*\* in `api\/orders\/service\.py:24`/);
    assert.match(markdown, /> 24 \| {13}raise OutOfStockError\(line\.sku, requested=line\.quantity, available=available\)/);
    assert.match(markdown, /- `available` = `1`/);
    assert.ok(!markdown.includes('full_dispatch_request'), 'library frames are left out');
    assert.match(markdown, /1 other frame \(library\) not shown/);
    assert.match(markdown, /- `customer\.plan`: `pro`/);
    assert.match(markdown, /### Request\n\n`POST https:\/\/shop\.example\.com\/api\/orders`\n- Query: `source=cart&ab=checkout-v2`/);
    assert.match(markdown, /- Body: `\{items: \[\{sku: "SKU-RED-MUG", quantity: 3\}\], coupon: null\}`/);
    assertNoInjectedStructure(markdown);
  });

  it('keeps hostile text from breaking out of the Markdown structure', () => {
    const event = parseEvent(hostileStoreEvent());
    const frame = event.exceptions[1].stacktrace?.frames[0];
    assert.ok(frame);
    frame.contextLine = '```\n# injected heading\n[x](command:evil)\n```';
    frame.preContext = ['````', '~~~', '</code></pre><script>'];
    const markdown = eventToMarkdown(event);
    assertNoInjectedStructure(markdown);
    assert.ok(markdown.includes('`````\n'), 'a fence longer than the four backticks inside');
  });

  it('fences and escapes: code spans and blocks outlast any backtick run, text escapes every punctuation mark', () => {
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`x`'), '`` `x` ``');
    assert.equal(markdownCode(''), '` `');
    assert.equal(markdownCode('line\nbreak'), '`line break`');
    assert.equal(markdownCodeBlock(['x ```` y'], 'python'), '`````python\nx ```` y\n`````');
    assert.equal(markdownCodeBlock(['x'], 'py thon;'), '```\nx\n```', 'a language that is not a plain id is left out');
    assert.equal(markdownText('[a](command:x) <b> *c* # d'), '\\[a\\] (command:x) \\<b\\> \\*c\\* \\# d');
    assert.equal(markdownText('- not a list'), '\\- not a list');
    assert.equal(markdownText('see https://evil.example and www.evil.example'), 'see https\\://evil.example and www\\.evil.example');
    assert.equal(markdownText('a\u202eb\u0000c'), 'ab c', 'direction overrides go, control characters become spaces');
  });
});

describe('frame variables for the tree tooltip', () => {
  it('gives the first few variables as escaped, one-line, truncated Markdown', () => {
    const lines = frameVariableLines({
      inApp: true,
      preContext: [],
      postContext: [],
      vars: { a: '[x](command:evil)', b: { nested: ['<img onerror=1>'] }, c: 'x'.repeat(1000), d: 'multi\nline', e: 1, f: 2, g: 3 },
    });
    assert.equal(lines.length, 6);
    assert.equal(lines[0], 'a = \\[x\\] (command:evil)');
    assert.equal(lines[1], 'b = \\{nested: \\["\\<img onerror=1\\>"\\]\\}');
    assert.ok(lines[2].length <= 110 && lines[2].endsWith('…'), lines[2]);
    assert.equal(lines[3], 'd = multi line');
    assert.equal(lines[5], '… and 2 more');
    for (const line of lines) assert.ok(!/(?<!\\)[[\]<>`]/.test(line), line);
  });

  it('previews cyclic and deeply nested values in bounded text', () => {
    const cyclic: Record<string, unknown> = { name: 'node' };
    cyclic.parent = cyclic;
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const [cycle, nested] = frameVariableLines({ inApp: true, preContext: [], postContext: [], vars: { cyclic, deep } });
    assert.equal(cycle, 'cyclic = \\{name: "node", parent: \\[circular\\]\\}');
    assert.equal(nested, 'deep = \\[\\[\\[\\[…\\]\\]\\]\\]');
  });

  it('gives nothing for a frame without variables', () => {
    assert.deepEqual(frameVariableLines({ inApp: false, preContext: [], postContext: [] }), []);
    assert.deepEqual(frameVariableLines({ inApp: false, preContext: [], postContext: [], vars: 'x' as unknown as Record<string, unknown> }), []);
  });
});
