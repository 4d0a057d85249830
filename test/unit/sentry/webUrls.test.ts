import * as assert from 'node:assert/strict';
import { eventWebUrl, issueWebUrl, organizationWebUrl, projectWebUrl } from '../../../src/sentry/api/webUrls';

describe('web URLs: one place for Sentry\'s pages', () => {
  it('self-hosted, also below a path prefix: /organizations/{org}/…', () => {
    const site = { baseUrl: 'https://example.com/sentry', org: 'acme', organizationUrl: 'https://example.com' };
    assert.equal(organizationWebUrl(site), 'https://example.com/sentry/organizations/acme/');
    assert.equal(projectWebUrl({ ...site, project: 'web' }), 'https://example.com/sentry/organizations/acme/projects/web/');
    assert.equal(issueWebUrl({ ...site, issueId: '7' }), 'https://example.com/sentry/organizations/acme/issues/7/');
    assert.equal(eventWebUrl(issueWebUrl({ ...site, issueId: '7' }), 'abc'), 'https://example.com/sentry/organizations/acme/issues/7/events/abc/');
  });

  it("sentry.io: the organization's subdomain, or the organizationUrl Sentry gave", () => {
    assert.equal(issueWebUrl({ baseUrl: 'https://sentry.io', org: 'acme', issueId: '7' }), 'https://acme.sentry.io/issues/7/');
    assert.equal(organizationWebUrl({ baseUrl: 'https://us.sentry.io', org: 'acme', organizationUrl: 'https://acme.sentry.io' }), 'https://acme.sentry.io/');
    assert.equal(projectWebUrl({ baseUrl: 'https://sentry.io', org: 'a.b', project: 'p' }), 'https://sentry.io/organizations/a.b/projects/p/', 'not a host name: the path form');
  });

  it('uses the issue permalink only when it is on the same site', () => {
    const site = { baseUrl: 'https://sentry.io', org: 'acme', issueId: '7' };
    const permalink = issueWebUrl({ ...site, permalink: 'https://acme.sentry.io/issues/7/?referrer=x' });
    assert.equal(permalink, 'https://acme.sentry.io/issues/7/?referrer=x');
    assert.equal(eventWebUrl(permalink, 'abc'), 'https://acme.sentry.io/issues/7/events/abc/?referrer=x');
    for (const permalink of ['https://evil.example/issues/7/', 'javascript:alert(1)', 'https://user:pw@acme.sentry.io/issues/7/', 'not a url']) {
      assert.equal(issueWebUrl({ ...site, permalink }), 'https://acme.sentry.io/issues/7/', permalink);
    }
  });
});
