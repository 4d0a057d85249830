import * as assert from 'node:assert/strict';
import { parseLinkHeader } from '../../../src/sentry/linkHeader';

describe('parseLinkHeader', () => {
  it('reads the next cursor from the header in Sentry\'s docs', () => {
    const header =
      '<https://sentry.io/api/0/organizations/acme/issues/123456/events/?&cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", ' +
      '<https://sentry.io/api/0/organizations/acme/issues/123456/events/?&cursor=0:100:0>; rel="next"; results="true"; cursor="0:100:0"';
    assert.deepEqual(parseLinkHeader(header), { nextCursor: '0:100:0' });
  });

  it('has no next cursor on the last page (results="false")', () => {
    const header =
      '<https://sentry.io/api/0/organizations/sentry/releases/?&cursor=100:-1:1>; rel="previous"; results="true"; cursor="100:-1:1", ' +
      '<https://sentry.io/api/0/organizations/sentry/releases/?&cursor=100:1:0>; rel="next"; results="false"; cursor="100:1:0"';
    assert.deepEqual(parseLinkHeader(header), { prevCursor: '100:-1:1' });
  });

  it('takes the cursor from the URL when the attribute is missing (older servers)', () => {
    const header = '<https://self.hosted/api/0/projects/a/b/issues/?query=is%3Aunresolved&cursor=1541:25:0>; rel="next"; results="true"';
    assert.equal(parseLinkHeader(header).nextCursor, '1541:25:0');
  });

  it('survives missing and garbage headers', () => {
    assert.deepEqual(parseLinkHeader(undefined), {});
    assert.deepEqual(parseLinkHeader(''), {});
    assert.deepEqual(parseLinkHeader('nonsense, <>; rel=next'), {});
  });
});
