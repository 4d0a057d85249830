import * as assert from 'node:assert/strict';
import type { Frame, SentryEvent } from '../../../src/sentry/event/eventModel';
import type { Issue } from '../../../src/sentry/api/types';
import { codeLanguageOf } from '../../../src/views/codeLanguage';
import { eventTooltipMarkdown, exceptionTooltipMarkdown, frameTooltipMarkdown, issueTooltipMarkdown, projectTooltipMarkdown } from '../../../src/views/tooltipContent';
import { markdownCodeBlock, markdownText, fieldsMarkdown } from '../../../src/views/markdown';
import { untrustedText } from '../../../src/views/untrustedText';

/** A CommonMark parser (markdown-it) stands in for VS Code's renderer: what it parses is what a hover shows. */
interface MdToken {
  type: string;
  info: string;
  content: string;
  children: MdToken[] | null;
}
interface MarkdownParser {
  parse(src: string, env: object): MdToken[];
  renderInline(src: string): string;
}
type MarkdownItFactory = (options: { html: boolean; linkify: boolean }) => MarkdownParser;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const markdownIt: MarkdownItFactory = require('markdown-it');
const parser = markdownIt({ html: true, linkify: false });

const ALLOWED_LANGUAGES = new Set([
  '', 'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'java', 'kotlin', 'scala', 'groovy', 'csharp', 'fsharp', 'go',
  'ruby', 'php', 'rust', 'swift', 'objective-c', 'objective-cpp', 'c', 'cpp', 'dart', 'elixir', 'erlang', 'lua', 'perl', 'vue', 'svelte',
]);

function tokens(markdown: string): MdToken[] {
  const flat: MdToken[] = [];
  const walk = (list: MdToken[]) => {
    for (const t of list) {
      flat.push(t);
      if (t.children) walk(t.children);
    }
  };
  walk(parser.parse(markdown, {}));
  return flat;
}

/** Nothing live: no link, image, autolink or HTML; fences only with an allowed language; no bare URL left unescaped. */
function assertInert(markdown: string): MdToken[] {
  const all = tokens(markdown);
  const live = all.filter((t) => ['link_open', 'image', 'html_inline', 'html_block'].includes(t.type));
  assert.deepEqual(live.map((t) => t.type), [], markdown);
  for (const fence of all.filter((t) => t.type === 'fence')) assert.ok(ALLOWED_LANGUAGES.has(fence.info), `fence language ${JSON.stringify(fence.info)}`);
  const outsideCode = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
  assert.ok(!/(?<!\\)(?::\/\/|www\.)/.test(outsideCode.replace(/\\./g, '')), `a bare URL could be linkified:\n${outsideCode}`);
  return all;
}

const LINKS = [
  '[Click to fix](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
  '![pixel](https://evil.example/p.gif)',
  '<img src="https://evil.example/i.png">',
  '<https://evil.example/auto>',
  'see https://evil.example/x and www.evil.example',
  '[ref][1]\n\n[1]: https://evil.example/ref',
  '&#91;x&#93;&#40;command:y&#41;',
  '**bold** _em_ `code` # heading\n- list',
];

function frame(overrides: Partial<Frame>): Frame {
  return { inApp: true, preContext: [], postContext: [], ...overrides };
}

describe('tooltip Markdown from untrusted data', () => {
  describe('markdownText', () => {
    for (const input of LINKS) {
      it(`keeps ${JSON.stringify(input).slice(0, 50)} as plain text`, () => {
        const md = markdownText(input);
        const all = assertInert(md);
        assert.deepEqual(all.filter((t) => !['paragraph_open', 'paragraph_close', 'inline', 'text', 'softbreak'].includes(t.type)).map((t) => t.type), []);
        // What the hover shows is the sanitised text itself, character for character.
        const shown = parser.renderInline(md);
        assert.equal(shown, escapeHtml(untrustedText(input)));
      });
    }
  });

  describe('markdownCodeBlock', () => {
    it('uses a fence longer than any backtick run, so the code cannot close it', () => {
      const lines = ['before', '```', '````js', '[x](command:y)', '![p](https://evil.example/p.png)', '  ``````', 'after'];
      const md = markdownCodeBlock(lines, 'python');
      const fences = assertInert(md).filter((t) => t.type === 'fence');
      assert.equal(fences.length, 1);
      assert.equal(fences[0].info, 'python');
      assert.equal(fences[0].content, `${lines.join('\n')}\n`);
      assert.ok(md.startsWith('```````python\n'), md.split('\n')[0]);
    });

    it('keeps each line one line: a carriage return, line separator or control character cannot start a new one', () => {
      const md = markdownCodeBlock(['a\r```\r[x](https://evil.example)', 'b\u2028```', 'c\u0000\u001b[31m'], '');
      const fences = assertInert(md).filter((t) => t.type === 'fence');
      assert.equal(fences.length, 1);
      assert.equal(fences[0].content.split('\n').length, 4);
    });

    it('never writes a language that is not a plain id', () => {
      const md = markdownCodeBlock(['x'], 'python\n![p](https://evil.example/p.png)');
      assert.equal(tokens(md).find((t) => t.type === 'fence')?.info, '');
    });

    it('redacts a token that appears in the code', () => {
      const token = `sntryu_${'ab'.repeat(32)}`;
      assert.ok(!markdownCodeBlock([`const t = "${token}";`], 'typescript').includes(token));
    });
  });

  describe('the language comes from a fixed list', () => {
    it('by file extension, then by platform', () => {
      assert.equal(codeLanguageOf('src/app.TSX', undefined), 'typescriptreact');
      assert.equal(codeLanguageOf('https://cdn.example/app.min.js?v=3#x', undefined), 'javascript');
      assert.equal(codeLanguageOf('Foo', 'java'), 'java');
      assert.equal(codeLanguageOf(undefined, 'cocoa'), 'swift');
    });

    it('is empty for anything else, however hostile', () => {
      for (const platform of ['python\n![p](https://evil.example/p.png)', '```', 'constructor', '__proto__', 'toString', 'python ']) {
        assert.equal(codeLanguageOf(undefined, platform), '', platform);
      }
      for (const file of ['a.constructor', 'a.__proto__', 'a.py\n```', 'x.unknown', '.py']) {
        assert.equal(codeLanguageOf(file, undefined), '', file);
      }
    });
  });

  describe('a hostile frame', () => {
    const hostile = frame({
      function: '[Run](command:workbench.action.terminal.new) ![track](https://evil.example/hover.png)',
      filename: 'app.py```\n![track](https://evil.example/f.png)\n```',
      absPath: '<img src="https://evil.example/abs.png">/srv/app.py',
      module: '[m](https://evil.example)',
      platform: 'python\n![track](https://evil.example/platform.png)\n```js',
      lineNo: 12,
      preContext: ['````', '```python', 'x = 1'],
      contextLine: 'raise Exception("```\\n![t](https://evil.example/ctx.png)")',
      postContext: ['```', '</code><img src=https://evil.example/post.png>', '[after](command:x)'],
    });

    it('shows its context in one code block, with nothing live around or in it', () => {
      const md = frameTooltipMarkdown(hostile);
      const all = assertInert(md);
      const fences = all.filter((t) => t.type === 'fence');
      assert.equal(fences.length, 1);
      assert.equal(fences[0].info, '', 'neither the file name nor the platform names a known language');
      const code = fences[0].content.split('\n');
      assert.match(code[0], /^ +9 {3}````$/);
      assert.match(code[3], /^ +12 > raise Exception/);
      assert.match(code[6], /\[after\]\(command:x\)$/, 'the code is shown as it was written');
    });

    it('a known extension picks the language, whatever the platform says', () => {
      const md = frameTooltipMarkdown({ ...hostile, filename: 'src/app.ts' });
      assert.equal(assertInert(md).find((t) => t.type === 'fence')?.info, 'typescript');
    });

    it('says when there is no context, still inert', () => {
      const md = frameTooltipMarkdown(frame({ function: hostile.function, absPath: hostile.absPath }));
      assertInert(md);
      assert.match(md, /No source context was sent with this frame/);
    });
  });

  it('issue, event, exception and project tooltips keep every field inert', () => {
    const link = LINKS.join(' ');
    const issue: Issue = {
      id: '1', shortId: link, title: link, culprit: link, level: 'error', status: link, count: 1, userCount: 1,
      firstSeen: link, lastSeen: '2026-03-01T00:00:00Z', assignee: link,
    };
    assertInert(issueTooltipMarkdown(issue));
    const event: SentryEvent = {
      eventId: link, title: link, dateCreated: link, level: link, release: link, environment: link, platform: link,
      tags: [{ key: link, value: link }], problems: [link], exceptions: [], threads: [], breadcrumbs: [], contexts: {}, extra: {},
      form: 'api', hasDetail: true,
    };
    assertInert(eventTooltipMarkdown(event, link, link));
    assertInert(exceptionTooltipMarkdown({ type: link, value: link, mechanism: { handled: false } }));
    assertInert(projectTooltipMarkdown(link, link, link, 'date'));
    assertInert(fieldsMarkdown(link, [[link, link]]));
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
