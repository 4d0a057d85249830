import * as assert from 'node:assert/strict';
import { registerSecret, redactSecrets } from '../../../src/sentry/http/secretRedaction';
import { untrustedText } from '../../../src/views/untrustedText';

/** VS Code's notification link syntax: what must never survive the sanitiser. */
const NOTIFICATION_LINK = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+\)/i;

describe('untrustedText', () => {
  const hostile = [
    '[Click to fix](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
    'see [docs](https://evil.example/track.png) now',
    '![pixel](https://evil.example/p.gif)',
    '[open](file:///etc/passwd)',
    '[multi\nline](command:x)',
    '[spaced] (command:x) and [tight]  (command:y)',
  ];

  for (const input of hostile) {
    it(`neutralises link syntax in ${JSON.stringify(input).slice(0, 40)}`, () => {
      const out = untrustedText(input);
      assert.ok(!NOTIFICATION_LINK.test(out), out);
      assert.ok(!/\]\(/.test(out), out);
    });
  }

  it('keeps the words readable', () => {
    assert.equal(untrustedText('[Click](command:x)'), '[Click] (command:x)');
  });

  it('breaks autolinks and icon syntax', () => {
    assert.equal(untrustedText('<https://evil.example> $(alert) hi'), '‹https://evil.example> $ (alert) hi');
  });

  it('collapses line breaks, control and direction-override characters', () => {
    assert.equal(untrustedText('a\nb\r\n\tc\u202Ed\u0000e'), 'a b cd e');
  });

  it('caps the length with an ellipsis', () => {
    const out = untrustedText('x'.repeat(5000));
    assert.equal(out.length, 300);
    assert.ok(out.endsWith('…'));
    assert.equal(untrustedText('abcdef', 4), 'abc…');
  });

  it('accepts anything', () => {
    assert.equal(untrustedText(undefined), '');
    assert.equal(untrustedText(42), '42');
    assert.equal(untrustedText({ toString: () => { throw new Error('hostile'); } }), '');
  });

  it('redacts tokens, registered or shaped like a Sentry token', () => {
    const forget = registerSecret('my-very-secret-token-123');
    try {
      assert.equal(untrustedText('server said my-very-secret-token-123 is bad'), 'server said [redacted] is bad');
    } finally {
      forget();
    }
    assert.equal(untrustedText('server said my-very-secret-token-123'), 'server said my-very-secret-token-123');
    const user = `sntryu_${'a1'.repeat(32)}`;
    assert.equal(redactSecrets(`token ${user}.`), 'token [redacted].');
    assert.equal(redactSecrets(`legacy ${'f'.repeat(64)}`), 'legacy [redacted]');
    assert.equal(redactSecrets('org sntrys_eyJpYXQiOjE3MDAwMDAwMDB9_abcDEF123'), 'org [redacted]');
    assert.equal(redactSecrets('Authorization: Bearer abc.def-123'), 'Authorization: Bearer [redacted]');
    const hidden = `sntryu_${'a1'.repeat(16)}\u200b${'a1'.repeat(16)}`;
    assert.equal(untrustedText(`echo ${hidden}`), 'echo [redacted]', 'an invisible character does not hide a token');
    const eventId = 'a'.repeat(32);
    assert.equal(redactSecrets(`event ${eventId}`), `event ${eventId}`);
  });
});
