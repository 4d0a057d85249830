import * as assert from 'node:assert/strict';
import { apiPath } from '../../../src/sentry/api/apiPath';
import { isTrustedRegionUrl, normalizeBaseUrl } from '../../../src/sentry/http/origins';

describe('apiPath', () => {
  it('encodes each segment so data cannot add segments or queries', () => {
    assert.equal(apiPath`/organizations/${'a/b?c=d'}/issues/${42}/`, '/api/0/organizations/a%2Fb%3Fc%3Dd/issues/42/');
  });
  it('refuses dot and empty segments, which URL parsing would resolve away', () => {
    assert.throws(() => apiPath`/organizations/${'..'}/`, /not a valid Sentry identifier/);
    assert.throws(() => apiPath`/organizations/${'.'}/issues/`, /not a valid Sentry identifier/);
    assert.throws(() => apiPath`/organizations/${''}/issues/`, /not a valid Sentry identifier/);
    assert.equal(apiPath`/organizations/${'...'}/`, '/api/0/organizations/.../');
  });
});

describe('normalizeBaseUrl', () => {
  it('accepts sentry.io, self-hosted paths and bare host names', () => {
    assert.equal(normalizeBaseUrl('https://sentry.io/'), 'https://sentry.io');
    assert.equal(normalizeBaseUrl('sentry.example.com'), 'https://sentry.example.com');
    assert.equal(normalizeBaseUrl('https://example.com/sentry/api/0/'), 'https://example.com/sentry');
    assert.equal(normalizeBaseUrl('http://localhost:9000'), 'http://localhost:9000');
  });
  it('refuses plain http to another host, other schemes, and credentials in the URL', () => {
    assert.throws(() => normalizeBaseUrl('http://sentry.example.com'), /https/);
    assert.throws(() => normalizeBaseUrl('ftp://sentry.example.com'), /https/);
    assert.throws(() => normalizeBaseUrl('https://me:pw@sentry.example.com'), /password/);
    assert.throws(() => normalizeBaseUrl('https://'), /not a URL/);
  });
});

describe('isTrustedRegionUrl', () => {
  it('on sentry.io trusts only sentry.io hosts over https', () => {
    assert.equal(isTrustedRegionUrl('https://sentry.io', 'https://us.sentry.io'), true);
    assert.equal(isTrustedRegionUrl('https://sentry.io', 'https://de.sentry.io/'), true);
    assert.equal(isTrustedRegionUrl('https://sentry.io', 'https://attacker.example'), false);
    assert.equal(isTrustedRegionUrl('https://sentry.io', 'http://us.sentry.io'), false);
    assert.equal(isTrustedRegionUrl('https://sentry.io', 'https://sentry.io.evil.com'), false);
  });
  it('self-hosted: its own origin, https hosts it names, loopback', () => {
    assert.equal(isTrustedRegionUrl('https://sentry.corp', 'https://sentry.corp'), true);
    assert.equal(isTrustedRegionUrl('http://127.0.0.1:9000', 'http://127.0.0.1:9001'), true);
    assert.equal(isTrustedRegionUrl('https://sentry.corp', 'http://other.corp'), false);
    assert.equal(isTrustedRegionUrl('https://sentry.corp', 'not a url'), false);
  });
});
