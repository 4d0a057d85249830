import assert from 'node:assert/strict';
import { FrameLines, locateLine } from '../../../src/source/lineLocator';
import { linePattern } from '../../../src/source/linePattern';
import { SourceLinesCache } from '../../../src/source/sourceLinesCache';

/** ~140 KB of minified JavaScript on one line. */
const MINIFIED = Array.from({ length: 14_000 }, (_, i) => `a${i % 97}=b(c,${i});`).join('').slice(0, 140_000);
const FILE_LINES = 50_000;
const MINIFIED_AT = 40_000;

function bigFile(): string[] {
  const lines = Array.from({ length: FILE_LINES }, (_, i) => `  statement_${i % 1500}(x, y); // ${i}`);
  lines[MINIFIED_AT] = MINIFIED;
  return lines;
}

/** The fastest of three runs, in ms (the machine is shared; one slow run says nothing about the code). */
function fastest(work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

describe('source/lineLocator on pathological input (issue 6 point 13)', () => {
  const lines = bigFile();
  const text = lines.join('\n');
  const around = { preContext: lines.slice(MINIFIED_AT - 5, MINIFIED_AT), postContext: lines.slice(MINIFIED_AT + 1, MINIFIED_AT + 6) };

  const cases: Array<[string, FrameLines, number]> = [
    ['a 140 KB minified context_line', { lineNo: 123, contextLine: MINIFIED, ...around }, MINIFIED_AT + 1],
    ['the same line as Sentry snips it ({snip} at both ends)', { lineNo: 123, contextLine: `{snip} ${MINIFIED.slice(100, 139_000)} {snip}`, ...around }, MINIFIED_AT + 1],
    [
      'a hostile line of 20,000 {snip}-separated pieces',
      { lineNo: 123, contextLine: Array.from({ length: 20_000 }, (_, i) => `x${i % 10}`).join('{snip}'), preContext: [], postContext: [] },
      123,
    ],
  ];
  for (const [label, frame, expected] of cases) {
    it(`locates ${label} in a 50,000-line file in under 100 ms`, () => {
      let line = 0;
      const ms = fastest(() => {
        line = locateLine(text, frame).line;
      });
      assert.equal(line, expected);
      assert.ok(ms < 100, `took ${ms.toFixed(1)} ms`);
    });
  }

  it('reuses the split lines of a file text: a second frame in the same text costs no split', () => {
    const cache = new SourceLinesCache();
    const first = cache.of(text);
    assert.equal(cache.of(text), first, 'the same text gives the same lines');
    assert.equal(cache.of(`${text}`.slice(0)), first, 'an equal string, not only the same object');
    const frame: FrameLines = { lineNo: 123, contextLine: MINIFIED, ...around };
    const cold = fastest(() => locateLine(new SourceLinesCache().of(text), frame));
    const warm = fastest(() => locateLine(cache.of(text), frame));
    assert.ok(warm < cold, `warm ${warm.toFixed(2)} ms, cold ${cold.toFixed(2)} ms`);
  });

  it('forgets the least recently used text beyond its capacity', () => {
    const cache = new SourceLinesCache(2);
    const a = cache.of('a\nb');
    cache.of('c');
    assert.equal(cache.of('a\nb'), a);
    cache.of('d');
    assert.notEqual(cache.of('c'), undefined);
    assert.equal(cache.of('a\nb') === a, false, '"a\\nb" was the least recently used when "d" came');
  });
});

describe('source/linePattern', () => {
  it('matches Sentry-snipped lines by their pieces, in order', () => {
    const pattern = linePattern('{snip} const total = price * qty; {snip}');
    assert.equal(pattern.exact, false);
    assert.equal(pattern.matches('let x = 1; const total = price * qty; return total;'), true);
    assert.equal(pattern.matches('const total = price'), false);
    const ordered = linePattern('alpha(); {snip} omega();');
    assert.equal(ordered.matches('alpha(); beta(); omega();'), true);
    assert.equal(ordered.matches('omega(); beta(); alpha();'), false);
    assert.equal(linePattern('{snip}  {snip}').matches('anything'), false);
  });

  it('compares plain lines exactly, and keeps only the longest pieces of a line cut too often', () => {
    const plain = linePattern('return x;');
    assert.equal(plain.exact, true);
    assert.equal(plain.matches('return x;'), true);
    assert.equal(plain.matches('return  x;'), false);
    const pieces = Array.from({ length: 30 }, (_, i) => (i === 7 ? 'the-longest-piece-of-all' : `p${i}`));
    const cut = linePattern(pieces.join('{snip}'));
    assert.equal(cut.matches(pieces.join(' ')), true);
    assert.equal(cut.matches(pieces.filter((_, i) => i !== 7).join(' ')), false);
  });
});
