import assert from 'node:assert/strict';
import type { Frame } from '../../../src/sentry/event/eventModel';
import { renderFrameContext } from '../../../src/source/contextDocument';

function frame(fields: Partial<Frame>): Frame {
  return { inApp: false, preContext: [], postContext: [], ...fields };
}

describe('source/contextDocument', () => {
  it('renders a header and the numbered context, marking the frame line', () => {
    const doc = renderFrameContext(
      frame({
        function: 'main',
        module: '__main__',
        filename: 'main.py',
        absPath: '/Users/user/test/main.py',
        lineNo: 26,
        colNo: 5,
        inApp: true,
        preContext: ['    }', '    list_var = [1, 2, 3]'],
        contextLine: "    raise Exception('This is an example Python exception')",
        postContext: ['', 'main()'],
      }),
    );
    assert.equal(
      doc.text,
      [
        'Sentry frame (read-only): no local file matches this frame',
        'Function: main',
        'Module:   __main__',
        'File:     main.py:26:5',
        'Path:     /Users/user/test/main.py',
        'In app:   yes',
        '',
        '  24 |     }',
        '  25 |     list_var = [1, 2, 3]',
        "> 26 |     raise Exception('This is an example Python exception')",
        '  27 | ',
        '  28 | main()',
        '',
      ].join('\n'),
    );
    assert.equal(doc.text.split('\n')[(doc.focusLine ?? 0) - 1], "> 26 |     raise Exception('This is an example Python exception')");
  });

  it('pads line numbers to the widest one', () => {
    const doc = renderFrameContext(frame({ filename: 'a.js', lineNo: 100, preContext: ['a', 'b'], contextLine: 'c', postContext: [] }), { reason: 'custom reason' });
    assert.match(doc.text, /^Sentry frame \(read-only\): custom reason$/m);
    assert.match(doc.text, /^ {3}98 \| a$/m);
    assert.match(doc.text, /^> 100 \| c$/m);
  });

  it('says so when Sentry sent no source lines (Java frames)', () => {
    const doc = renderFrameContext(frame({ module: 'java.lang.Thread', filename: 'Thread.java', function: 'run', lineNo: 748 }));
    assert.match(doc.text, /File: {5}Thread\.java:748/);
    assert.match(doc.text, /Sentry sent no source lines for this frame\./);
    assert.equal(doc.focusLine, undefined);
  });

  it('keeps untrusted text on one line each and cuts huge values', () => {
    const doc = renderFrameContext(
      frame({
        function: 'evil\n> 1 | injected',
        filename: `${'x'.repeat(10_000)}.js`,
        contextLine: 'a\rb\u0000c',
        preContext: [42 as unknown as string],
      }),
    );
    const lines = doc.text.split('\n');
    assert.ok(lines.includes('Function: evil > 1 | injected'));
    assert.ok(lines.every((line) => line.length < 2100));
    assert.ok(lines.includes('>  | a b c'));
  });
});
