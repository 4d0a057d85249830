import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ownFixture, sharedFixture, withSharedFixtures } from '../fixturePaths';
import { FrameLines, locateLine } from '../../../src/source/lineLocator';
import { SourceLines } from '../../../src/source/sourceLines';

/** A file of `count` distinct lines, `line N` on line N. */
function numbered(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `    line ${i + 1}`);
}

/** The frame Sentry would record for line `lineNo` of `lines`, with 5 lines of context each side. */
function frameAt(lines: readonly string[], lineNo: number, extra: Partial<FrameLines> = {}): FrameLines {
  const index = lineNo - 1;
  return {
    lineNo,
    preContext: lines.slice(Math.max(0, index - 5), index),
    contextLine: lines[index],
    postContext: lines.slice(index + 1, index + 6),
    ...extra,
  };
}

function insertAt(lines: readonly string[], index: number, inserted: readonly string[]): string[] {
  return [...lines.slice(0, index), ...inserted, ...lines.slice(index)];
}

describe('source/lineLocator', () => {
  const original = numbered(300);

  it('confirms the recorded line when it still holds the context line (ignoring indentation)', () => {
    const reindented = original.map((line) => `\t${line.trim()}  `);
    const result = locateLine(reindented.join('\n'), frameAt(original, 120, { colNo: 9 }));
    assert.deepEqual(result, { line: 120, column: 9, status: 'exact', recordedLine: 120, clamped: false });
  });

  it('follows code that moved down or up by N lines', () => {
    const down = insertAt(original, 50, ['// a', '// b', '// c', '// d', '// e', '// f', '// g']);
    const moved = locateLine(down, frameAt(original, 120));
    assert.equal(moved.status, 'moved');
    assert.equal(moved.line, 127);
    assert.equal(moved.from, 120);
    assert.equal(moved.to, 127);
    assert.equal(moved.message, 'line moved from 120 to 127 since this event');

    const up = original.filter((_, i) => i < 10 || i >= 40);
    const movedUp = locateLine(up, frameAt(original, 120));
    assert.equal(movedUp.line, 90);
    assert.equal(movedUp.status, 'moved');
  });

  it('still follows the line when some surrounding lines were edited', () => {
    const edited = insertAt(original, 10, ['// new', '// new']);
    edited[122 + 2 - 1] = '    changed';
    edited[118 + 2 - 1] = '    changed too';
    const result = locateLine(edited, frameAt(original, 120));
    assert.equal(result.status, 'moved');
    assert.equal(result.line, 122);
  });

  it('says the file differs when the context line is nowhere', () => {
    const edited = original.slice();
    edited[119] = '    line 120 but different';
    const result = locateLine(edited, frameAt(original, 120, { colNo: 3 }));
    assert.equal(result.status, 'differs');
    assert.equal(result.line, 120);
    assert.equal(result.column, 3);
    assert.equal(result.message, 'this file differs from the code that ran; opened at the recorded line');
  });

  it('says the file differs when the context line exists but nothing around it matches', () => {
    const lines = numbered(50);
    lines[9] = 'return null;';
    const f: FrameLines = {
      lineNo: 30,
      preContext: ['a()', 'b()', 'c()'],
      contextLine: 'return null;',
      postContext: ['d()', 'e()'],
    };
    assert.equal(locateLine(lines, f).status, 'differs');
  });

  it('picks the duplicate nearest to the recorded line', () => {
    const block = ['if (!user) {', '  throw new Error("no user");', '}'];
    const lines = [...numbered(10), ...block, ...numbered(20), ...block, ...numbered(40), ...block, ...numbered(10)];
    // Copies of the throw are on lines 12, 35 and 78.
    const f: FrameLines = { lineNo: 40, preContext: ['if (!user) {'], contextLine: '  throw new Error("no user");', postContext: ['}'] };
    assert.deepEqual([locateLine(lines, f).line, locateLine(lines, { ...f, lineNo: 70 }).line, locateLine(lines, { ...f, lineNo: 1 }).line], [35, 78, 12]);
  });

  it('prefers a full context match to a nearer partial one', () => {
    const lines = numbered(100);
    lines[49] = 'x = compute()';
    lines[89] = 'x = compute()';
    const f: FrameLines = { lineNo: 45, preContext: [lines[87], lines[88]], contextLine: 'x = compute()', postContext: [lines[90]] };
    lines[48] = lines[88];
    assert.equal(locateLine(lines, f).line, 90);
  });

  it('moves away from a recorded line that matches only by chance', () => {
    const lines = numbered(60);
    lines[19] = '}';
    lines[39] = '}';
    const f: FrameLines = { lineNo: 20, preContext: ['a()', 'b()'], contextLine: '}', postContext: ['c()'] };
    lines[37] = 'a()';
    lines[38] = 'b()';
    lines[40] = 'c()';
    const result = locateLine(lines, f);
    assert.equal(result.status, 'moved');
    assert.equal(result.line, 40);
  });

  it('clamps to the last line when the file is shorter than the recorded line', () => {
    const short = numbered(80);
    const differs = locateLine(short, frameAt(original, 120));
    assert.equal(differs.status, 'differs');
    assert.equal(differs.line, 80);
    assert.equal(differs.clamped, true);
    assert.match(differs.message ?? '', /recorded line 120 but this file has only 80 lines/);

    const found = locateLine(numbered(100), { ...frameAt(original, 90), lineNo: 150 });
    assert.equal(found.status, 'moved');
    assert.equal(found.line, 90);

    const noContext = locateLine(short, { lineNo: 500 });
    assert.equal(noContext.status, 'unverified');
    assert.equal(noContext.line, 80);
    assert.equal(noContext.clamped, true);
  });

  it('uses the recorded line as is when the event has no context', () => {
    assert.deepEqual(locateLine(original, { lineNo: 42, colNo: 7 }), { line: 42, column: 7, status: 'unverified', recordedLine: 42, clamped: false, message: undefined });
    assert.equal(locateLine(original, { lineNo: 42, contextLine: '', preContext: ['', ''], postContext: [] }).status, 'unverified');
    const noLine = locateLine(original, { contextLine: '    line 5' });
    assert.equal(noLine.line, 1);
    assert.equal(noLine.status, 'unverified');
  });

  it('matches context lines Sentry shortened with {snip}', () => {
    const long = `const config = { ${'key: "value", '.repeat(30)}final: true };`;
    const lines = [...numbered(10), long, ...numbered(10)];
    const f: FrameLines = { lineNo: 5, contextLine: `{snip} "value", key: "value", key: "value", final: true }; {snip}`, preContext: [], postContext: [] };
    const result = locateLine(lines, f);
    assert.equal(result.line, 11);
    assert.equal(result.status, 'moved');
  });

  it('accepts CRLF text, arrays and a reusable SourceLines', () => {
    const crlf = original.join('\r\n');
    assert.equal(locateLine(crlf, frameAt(original, 200)).status, 'exact');
    const shared = new SourceLines(`${original.join('\n')}\n`);
    assert.equal(shared.count, 300);
    assert.equal(locateLine(shared, frameAt(original, 10)).status, 'exact');
    assert.equal(locateLine(shared, { ...frameAt(original, 10), lineNo: 12 }).line, 10);
  });

  it('ignores bad numbers and non-string context entries', () => {
    const f = { lineNo: -3, colNo: 0, contextLine: 'x', preContext: [5, null], postContext: 'nope' } as unknown as FrameLines;
    const result = locateLine(['x'], f);
    assert.equal(result.line, 1);
    assert.equal(result.column, undefined);
  });

  it("confirms the project's own Python frame in a file rebuilt from its context, then after an edit", () => {
    const raw = JSON.parse(readFileSync(ownFixture('platforms', 'store-python.json'), 'utf8')) as {
      exception: { values: Array<{ stacktrace: { frames: Array<{ lineno: number; pre_context: string[]; context_line: string; post_context?: string[] }> } }> };
    };
    const sample = raw.exception.values[0].stacktrace.frames[1];
    const f: FrameLines = { lineNo: sample.lineno, preContext: sample.pre_context, contextLine: sample.context_line, postContext: sample.post_context ?? [] };
    const before = numbered(sample.lineno - 1 - sample.pre_context.length);
    const file = [...before, ...sample.pre_context, sample.context_line, ...(sample.post_context ?? [])];
    assert.equal(locateLine(file, f).status, 'exact');
    const edited = insertAt(file, 2, ['import logging', 'log = logging.getLogger(__name__)', '']);
    assert.equal(locateLine(edited, f).message, `line moved from ${sample.lineno} to ${sample.lineno + 3} since this event`);
  });

  withSharedFixtures("Sentry's Python sample", (test) =>
    test('confirms the Python sample frame in a file rebuilt from its context, then after an edit', () => {
      const raw = JSON.parse(readFileSync(sharedFixture('store-python-modern.sentry-sample.json'), 'utf8')) as {
        exception: { values: Array<{ stacktrace: { frames: Array<{ lineno: number; pre_context: string[]; context_line: string; post_context?: string[] }> } }> };
      };
      const sample = raw.exception.values[0].stacktrace.frames[1];
      const f: FrameLines = { lineNo: sample.lineno, preContext: sample.pre_context, contextLine: sample.context_line, postContext: sample.post_context ?? [] };
      const before = numbered(sample.lineno - 1 - sample.pre_context.length);
      const file = [...before, ...sample.pre_context, sample.context_line, ...(sample.post_context ?? [])];
      assert.equal(locateLine(file, f).status, 'exact');
      const edited = insertAt(file, 2, ['import logging', 'log = logging.getLogger(__name__)', '']);
      assert.equal(locateLine(edited, f).message, `line moved from ${sample.lineno} to ${sample.lineno + 3} since this event`);
    }),
  );

  it('is fast on a 10,000-line file', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? '}' : `  statement_${i % 1500}();`));
    const drifted = insertAt(big, 100, numbered(25));
    const text = drifted.join('\n');
    const f = frameAt(big, 9_000);
    const started = process.hrtime.bigint();
    const result = locateLine(text, f);
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(result.line, 9_025);
    // Linear work takes a few ms; the bound only catches quadratic work, with room for a loaded machine.
    assert.ok(elapsedMs < 1_000, `took ${elapsedMs} ms`);
  });
});
