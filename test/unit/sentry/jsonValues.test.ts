import * as assert from 'node:assert/strict';
import { toBoolean, toNumber, toText } from '../../../src/sentry/json/jsonValues';

describe('jsonScalars: what a scalar means, whatever its JSON type', () => {
  it('reads numbers and decimal numerals, nothing else', () => {
    for (const [input, expected] of [[12, 12], ['12', 12], [' 12 ', 12], ['-3', -3], ['1.5', 1.5], ['1e3', 1000], ['+7', 7]] as const) {
      assert.equal(toNumber(input), expected, JSON.stringify(input));
    }
    for (const input of ['', ' ', '0x1f', 'Infinity', 'NaN', '12abc', 'twelve', '1e400', Number.NaN, Infinity, true, null, [], {}, [12]]) {
      assert.equal(toNumber(input), undefined, JSON.stringify(input));
    }
  });

  it('reads true/false, 1/0 and their spellings as text, nothing else', () => {
    for (const [input, expected] of [[true, true], [false, false], [1, true], [0, false], ['true', true], ['False', false], [' TRUE ', true], ['1', true], ['0', false]] as const) {
      assert.equal(toBoolean(input), expected, JSON.stringify(input));
    }
    for (const input of ['yes', 'no', '', 2, -1, 0.5, null, [], {}]) {
      assert.equal(toBoolean(input), undefined, JSON.stringify(input));
    }
  });

  it('reads strings and finite numbers as text', () => {
    assert.equal(toText('x'), 'x');
    assert.equal(toText(''), '');
    assert.equal(toText(42), '42');
    assert.equal(toText(1.5), '1.5');
    for (const input of [Number.NaN, Infinity, true, null, undefined, [], {}]) assert.equal(toText(input), undefined);
  });
});
