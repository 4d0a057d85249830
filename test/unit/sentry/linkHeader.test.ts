import * as assert from 'node:assert/strict';
import { parseLinkHeader } from '../../../src/sentry/http/linkHeader';

const SENTRY = { url: 'https://sentry.io/api/0/organizations/acme/issues/' };

describe('parseLinkHeader', () => {
  it('reads the next cursor from the header in Sentry\'s docs', () => {
    const header =
      '<https://sentry.io/api/0/organizations/acme/issues/123456/events/?&cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", ' +
      '<https://sentry.io/api/0/organizations/acme/issues/123456/events/?&cursor=0:100:0>; rel="next"; results="true"; cursor="0:100:0"';
    assert.deepEqual(parseLinkHeader(header, SENTRY), { nextCursor: '0:100:0' });
  });

  it('has no next cursor on the last page (results="false"), and no end reason: the list is complete', () => {
    const header =
      '<https://sentry.io/api/0/organizations/sentry/releases/?&cursor=100:-1:1>; rel="previous"; results="true"; cursor="100:-1:1", ' +
      '<https://sentry.io/api/0/organizations/sentry/releases/?&cursor=100:1:0>; rel="next"; results="false"; cursor="100:1:0"';
    assert.deepEqual(parseLinkHeader(header, SENTRY), { prevCursor: '100:-1:1' });
  });

  it('takes the cursor from the URL when the attribute is missing (older servers)', () => {
    const header = '<https://self.hosted/api/0/projects/a/b/issues/?query=is%3Aunresolved&cursor=1541:25:0>; rel="next"; results="true"';
    assert.equal(parseLinkHeader(header, { url: 'https://self.hosted/api/0/projects/a/b/issues/' }).nextCursor, '1541:25:0');
  });

  it('survives missing and garbage headers', () => {
    assert.deepEqual(parseLinkHeader(undefined, SENTRY), {});
    assert.deepEqual(parseLinkHeader('', SENTRY), {});
    assert.deepEqual(parseLinkHeader('nonsense, <>; rel=next', SENTRY), {});
  });

  describe('a next page on another origin', () => {
    const foreign =
      '<https://evil.example/api/0/organizations/acme/issues/?&cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", ' +
      '<https://evil.example/api/0/organizations/acme/issues/?&cursor=0:25:0>; rel="next"; results="true"; cursor="0:25:0"';

    it('yields no cursor and says where the link pointed', () => {
      assert.deepEqual(parseLinkHeader(foreign, SENTRY), { end: { kind: 'foreignLink', origin: 'https://evil.example' } });
    });

    it('counts another port or scheme of the same host as another origin', () => {
      const otherPort = foreign.replaceAll('https://evil.example', 'https://sentry.io:8443');
      assert.deepEqual(parseLinkHeader(otherPort, SENTRY).end, { kind: 'foreignLink', origin: 'https://sentry.io:8443' });
      const plain = foreign.replaceAll('https://evil.example', 'http://sentry.io');
      assert.deepEqual(parseLinkHeader(plain, SENTRY).end, { kind: 'foreignLink', origin: 'http://sentry.io' });
    });

    it('accepts an origin the client knows is the same Sentry (a region it named)', () => {
      const region = foreign.replaceAll('https://evil.example', 'https://us.sentry.io');
      const page = parseLinkHeader(region, { ...SENTRY, isSentryOrigin: (origin) => origin === 'https://us.sentry.io' });
      assert.deepEqual(page, { nextCursor: '0:25:0' });
    });

    it('resolves a relative link against the request, on the same server', () => {
      const relative = '</api/0/organizations/acme/issues/?&cursor=0:25:0>; rel="next"; results="true"; cursor="0:25:0"';
      assert.deepEqual(parseLinkHeader(relative, SENTRY), { nextCursor: '0:25:0' });
    });

    it('ignores a foreign link that has no more results', () => {
      assert.deepEqual(parseLinkHeader(foreign.replace('results="true"', 'results="false"'), SENTRY), {});
    });
  });

  describe('results="true" without a cursor the client can use', () => {
    const next = (attrs: string) => `<https://sentry.io/api/0/organizations/acme/issues/?&limit=25>; rel="next"; results="true"${attrs}`;

    it('ends the list with noCursor when neither the attribute nor the URL has one', () => {
      assert.deepEqual(parseLinkHeader(next(''), SENTRY), { end: { kind: 'noCursor' } });
    });

    it('refuses an empty, spaced, control-character or huge cursor', () => {
      for (const cursor of ['', ' ', '0:25 :0', '0:25:0\u0000', 'x'.repeat(501)]) {
        assert.deepEqual(parseLinkHeader(next(`; cursor="${cursor}"`), SENTRY), { end: { kind: 'noCursor' } }, JSON.stringify(cursor));
      }
    });

    it('says nothing when the server did not claim more results', () => {
      const header = '<https://sentry.io/api/0/organizations/acme/issues/?&limit=25>; rel="next"';
      assert.deepEqual(parseLinkHeader(header, SENTRY), {});
    });
  });
});
