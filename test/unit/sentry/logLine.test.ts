import * as assert from 'node:assert/strict';
import { registerSecret } from '../../../src/sentry/http/secretRedaction';
import { logLine } from '../../../src/sentry/http/logLine';

describe('logLine (every log line is redacted)', () => {
  it('redacts the token in use from the message, the details and an error\'s stack', () => {
    const token = 'plain-token-from-env-1234';
    const forget = registerSecret(token);
    try {
      const error = new Error(`sentry.example said: invalid token ${token}`);
      const line = logLine(`request with ${token} failed:`, [error, { header: `Bearer ${token}` }]);
      assert.ok(!line.includes(token), line);
      assert.match(line, /request with \[redacted\] failed:/);
      assert.match(line, /at /, 'the stack is kept');
    } finally {
      forget();
    }
  });

  it('redacts anything shaped like a Sentry token even when it was never registered', () => {
    const echoed = `sntryu_${'9f'.repeat(32)}`;
    assert.equal(logLine('server echoed', [echoed]), 'server echoed [redacted]');
  });

  it('drops control characters, keeps the message on one line and indents the rest: nothing passes for an entry of its own', () => {
    assert.equal(logLine('slug a\nfake\u001b[2K\u0000b', ['c\r\n2026-12-01 [info] forged']), 'slug a fake[2Kb c\n  2026-12-01 [info] forged');
  });
});
