import * as assert from 'node:assert/strict';
import { isLinkForServer } from '../../../src/sentry/api/linkSite';
import { looksLikeShortId, normalizeEventId, OpenTarget, parseOpenInput } from '../../../src/sentry/api/openInput';

const EVENT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const EVENT_UUID = '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';

function target(input: string): OpenTarget {
  const parsed = parseOpenInput(input);
  assert.ok(parsed.ok, `${input}: ${parsed.ok ? '' : parsed.reason}`);
  return parsed.target;
}

function link(input: string): { target: OpenTarget; base: string; host: string; orgOfHost?: string } {
  const parsed = parseOpenInput(input);
  assert.ok(parsed.ok && parsed.link, `${input} is read as a link`);
  return { target: parsed.target, base: parsed.link.base, host: parsed.link.host, orgOfHost: parsed.link.orgOfHost };
}

describe('parseOpenInput: what a user pastes to open an issue or event', () => {
  describe('ids', () => {
    const cases: Array<[string, OpenTarget]> = [
      ['BACKEND-1A2', { kind: 'shortId', shortId: 'BACKEND-1A2' }],
      ['backend-1a2', { kind: 'shortId', shortId: 'BACKEND-1A2' }],
      ['  API-SERVER-7  ', { kind: 'shortId', shortId: 'API-SERVER-7' }],
      ['MY_APP-Z', { kind: 'shortId', shortId: 'MY_APP-Z' }],
      ['"WEB-FRONTEND-1"', { kind: 'shortId', shortId: 'WEB-FRONTEND-1' }],
      ['`PAYMENTS-2`', { kind: 'shortId', shortId: 'PAYMENTS-2' }],
      ['6100000001', { kind: 'issue', issueId: '6100000001' }],
      [EVENT, { kind: 'event', eventId: EVENT }],
      [EVENT.toUpperCase(), { kind: 'event', eventId: EVENT }],
      [EVENT_UUID, { kind: 'event', eventId: EVENT }],
      [`api-server:${EVENT}`, { kind: 'event', eventId: EVENT, project: 'api-server' }],
      [`api-server ${EVENT}`, { kind: 'event', eventId: EVENT, project: 'api-server' }],
      [`demo-org/api-server:${EVENT_UUID}`, { kind: 'event', eventId: EVENT, project: 'api-server', org: 'demo-org' }],
    ];
    for (const [input, expected] of cases) {
      it(`reads ${JSON.stringify(input)}`, () => assert.deepEqual(target(input), expected));
    }

    it('refuses what is none of them, saying what it accepts', () => {
      for (const input of ['', '   ', 'hello', 'is:unresolved level:error', '12345678901234567890123', 'ab12', 'https://', 'ftp://sentry.io/issues/1/']) {
        const parsed = parseOpenInput(input);
        assert.equal(parsed.ok, false, input);
        assert.ok(!parsed.ok && parsed.reason.length > 10, input);
      }
      const parsed = parseOpenInput('not a thing');
      assert.ok(!parsed.ok && /short id \(BACKEND-1A2\)/.test(parsed.reason));
    });

    it('normalizes event ids and recognizes short ids as typed in a search', () => {
      assert.equal(normalizeEventId(EVENT_UUID.toUpperCase()), EVENT);
      assert.equal(normalizeEventId('xyz'), undefined);
      assert.ok(looksLikeShortId('API-SERVER-1'));
      assert.ok(looksLikeShortId(' backend-1a2 '));
      assert.ok(!looksLikeShortId('is:unresolved'));
      assert.ok(!looksLikeShortId('TypeError'));
      assert.ok(!looksLikeShortId('1234'));
    });
  });

  describe('sentry.io links', () => {
    it('an issue on the organization subdomain (today\'s permalinks), with and without the trailing slash', () => {
      for (const url of ['https://acme.sentry.io/issues/4509172881/', 'https://acme.sentry.io/issues/4509172881', 'acme.sentry.io/issues/4509172881/']) {
        const read = link(url);
        assert.deepEqual(read.target, { kind: 'issue', issueId: '4509172881', org: 'acme' }, url);
        assert.equal(read.host, 'acme.sentry.io');
        assert.equal(read.orgOfHost, 'acme');
        assert.equal(read.base, 'https://acme.sentry.io');
      }
    });

    it('an issue on sentry.io without the subdomain: /organizations/{org}/issues/{id}/', () => {
      const read = link('https://sentry.io/organizations/acme/issues/4509172881/');
      assert.deepEqual(read.target, { kind: 'issue', issueId: '4509172881', org: 'acme' });
      assert.equal(read.orgOfHost, undefined);
    });

    it('the old permalink form /{org}/{project}/issues/{id}/ (Sentry\'s API examples)', () => {
      assert.deepEqual(link('https://sentry.io/the-interstellar-jurisdiction/pump-station/issues/1/').target, {
        kind: 'issue',
        issueId: '1',
        org: 'the-interstellar-jurisdiction',
      });
    });

    it('an event of an issue, by id or as latest / oldest / recommended', () => {
      assert.deepEqual(link(`https://acme.sentry.io/issues/123/events/${EVENT}/`).target, { kind: 'issue', issueId: '123', org: 'acme', eventId: EVENT });
      assert.deepEqual(link(`https://sentry.io/organizations/acme/issues/123/events/${EVENT_UUID}/`).target, { kind: 'issue', issueId: '123', org: 'acme', eventId: EVENT });
      assert.deepEqual(link('https://acme.sentry.io/issues/123/events/latest/').target, { kind: 'issue', issueId: '123', org: 'acme', eventId: 'latest' });
      assert.deepEqual(link('https://acme.sentry.io/issues/123/events/recommended/?project=42').target, { kind: 'issue', issueId: '123', org: 'acme', eventId: 'recommended' });
      assert.deepEqual(link('https://sentry.io/organizations/acme/issues/123/events/oldest/').target, { kind: 'issue', issueId: '123', org: 'acme', eventId: 'oldest' });
    });

    it('an old event key that is not an event id opens the issue', () => {
      assert.deepEqual(link('https://sentry.io/acme/backend/issues/123/events/987654/').target, { kind: 'issue', issueId: '123', org: 'acme' });
    });

    it('the issue page by short id', () => {
      assert.deepEqual(link('https://acme.sentry.io/issues/BACKEND-1A2/').target, { kind: 'shortId', shortId: 'BACKEND-1A2', org: 'acme' });
      assert.deepEqual(link('https://sentry.io/organizations/acme/issues/backend-1a2/events/latest/').target, {
        kind: 'shortId',
        shortId: 'BACKEND-1A2',
        org: 'acme',
        eventId: 'latest',
      });
    });

    it('links from the issue stream and the share button: project, query, sort, referrer, fragment are ignored', () => {
      const urls = [
        'https://acme.sentry.io/issues/123/?project=4504&query=is%3Aunresolved+level%3Aerror&referrer=issue-stream&statsPeriod=14d&stream_index=0',
        'https://acme.sentry.io/issues/123/?referrer=issue-details-share-button',
        'https://acme.sentry.io/issues/123/?project=4504#exception',
        'https://acme.sentry.io/issues/123/?environment=production&environment=staging&sort=freq',
      ];
      for (const url of urls) assert.deepEqual(link(url).target, { kind: 'issue', issueId: '123', org: 'acme' }, url);
    });

    it('links from alert and digest e-mails and chat notifications (referrer, alert_rule_id, notification_uuid)', () => {
      const urls: Array<[string, OpenTarget]> = [
        [
          'https://acme.sentry.io/issues/4509172881/?referrer=alert_email&alert_type=email&alert_timestamp=1739200000000&alert_rule_id=1234567&notification_uuid=6d3a7d2e-0b1c-4d8e-9f0a-1b2c3d4e5f60&environment=production',
          { kind: 'issue', issueId: '4509172881', org: 'acme' },
        ],
        [
          `https://sentry.io/organizations/acme/issues/4509172881/events/${EVENT}/?referrer=digest_email&notification_uuid=6d3a7d2e`,
          { kind: 'issue', issueId: '4509172881', org: 'acme', eventId: EVENT },
        ],
        ['https://acme.sentry.io/issues/4509172881/?referrer=slack&notification_uuid=abc&alert_rule_id=99&alert_type=issue', { kind: 'issue', issueId: '4509172881', org: 'acme' }],
        ['<https://acme.sentry.io/issues/4509172881/?referrer=slack|ACME-3X: TypeError>', { kind: 'issue', issueId: '4509172881', org: 'acme' }],
      ];
      for (const [url, expected] of urls) assert.deepEqual(link(url).target, expected, url);
    });

    it('a link inside pasted text or chat punctuation', () => {
      assert.deepEqual(link('see (https://acme.sentry.io/issues/77/).').target, { kind: 'issue', issueId: '77', org: 'acme' });
      assert.deepEqual(link('Error: https://acme.sentry.io/issues/77/?referrer=x, please look').target, { kind: 'issue', issueId: '77', org: 'acme' });
    });

    it('region hosts name no organization; the path does', () => {
      for (const region of ['us', 'de']) {
        const read = link(`https://${region}.sentry.io/organizations/acme/issues/55/`);
        assert.deepEqual(read.target, { kind: 'issue', issueId: '55', org: 'acme' });
        assert.equal(read.orgOfHost, undefined);
        assert.equal(read.host, `${region}.sentry.io`);
      }
      assert.deepEqual(link('https://de.sentry.io/issues/55/').target, { kind: 'issue', issueId: '55' });
    });

    it('the path\'s organization wins over the host\'s', () => {
      assert.deepEqual(link('https://acme.sentry.io/organizations/other/issues/5/').target, { kind: 'issue', issueId: '5', org: 'other' });
    });

    it('Discover and Performance event links: {project}:{eventId}', () => {
      assert.deepEqual(link(`https://acme.sentry.io/discover/backend:${EVENT}/?field=title`).target, { kind: 'event', eventId: EVENT, project: 'backend', org: 'acme' });
      assert.deepEqual(link(`https://sentry.io/organizations/acme/performance/frontend:${EVENT}/`).target, {
        kind: 'event',
        eventId: EVENT,
        project: 'frontend',
        org: 'acme',
      });
    });

    it('a published issue\'s public share link', () => {
      const shareId = 'c5b2a6f0e1d94d7f8a3b2c1d0e9f8a7b';
      assert.deepEqual(link(`https://acme.sentry.io/share/issue/${shareId}/`).target, { kind: 'sharedIssue', shareId, org: 'acme' });
      assert.deepEqual(link(`https://sentry.io/share/issue/${shareId}/`).target, { kind: 'sharedIssue', shareId });
      assert.deepEqual(link('https://sentry.io/organizations/acme/share/issue/c5b2a6f0-e1d9-4d7f-8a3b-2c1d0e9f8a7b/').target, { kind: 'sharedIssue', shareId, org: 'acme' });
    });

    it('API URLs pasted from a log or a terminal', () => {
      assert.deepEqual(link('https://us.sentry.io/api/0/organizations/acme/issues/123/').target, { kind: 'issue', issueId: '123', org: 'acme' });
      assert.deepEqual(link(`https://sentry.io/api/0/organizations/acme/issues/123/events/${EVENT}/`).target, { kind: 'issue', issueId: '123', org: 'acme', eventId: EVENT });
      assert.deepEqual(link('https://sentry.io/api/0/issues/123/').target, { kind: 'issue', issueId: '123' });
      assert.deepEqual(link(`https://sentry.io/api/0/projects/acme/backend/events/${EVENT}/`).target, { kind: 'event', eventId: EVENT, org: 'acme', project: 'backend' });
      assert.deepEqual(link('https://sentry.io/api/0/organizations/acme/shortids/BACKEND-1A2/').target, { kind: 'shortId', shortId: 'BACKEND-1A2', org: 'acme' });
      assert.deepEqual(link(`https://sentry.io/api/0/organizations/acme/eventids/${EVENT}/`).target, { kind: 'event', eventId: EVENT, org: 'acme' });
    });

    it('a Sentry page that is not an issue or an event says so', () => {
      for (const url of [
        'https://acme.sentry.io/issues/',
        'https://acme.sentry.io/issues/?query=is%3Aunresolved',
        'https://acme.sentry.io/alerts/rules/details/1234567/',
        'https://sentry.io/organizations/acme/projects/backend/',
        'https://acme.sentry.io/settings/account/api/auth-tokens/',
      ]) {
        const parsed = parseOpenInput(url);
        assert.ok(!parsed.ok && /not to an issue or an event/.test(parsed.reason), url);
      }
    });
  });

  describe('self-hosted links', () => {
    it('on its own host: /organizations/{org}/issues/{id}/ with query and fragment', () => {
      const read = link('https://sentry.example.com/organizations/acme/issues/42/?project=3&query=is%3Aunresolved#tags');
      assert.deepEqual(read.target, { kind: 'issue', issueId: '42', org: 'acme' });
      assert.equal(read.base, 'https://sentry.example.com');
      assert.equal(read.orgOfHost, undefined);
    });

    it('under a path prefix, whose base keeps the prefix', () => {
      const read = link(`https://example.com/sentry/organizations/acme/issues/42/events/${EVENT}/`);
      assert.deepEqual(read.target, { kind: 'issue', issueId: '42', org: 'acme', eventId: EVENT });
      assert.equal(read.base, 'https://example.com/sentry');
      assert.equal(link('https://example.com/tools/sentry/acme/backend/issues/9/').base, 'https://example.com/tools/sentry');
      assert.deepEqual(link('https://example.com/sentry/issues/9/').target, { kind: 'issue', issueId: '9' });
    });

    it('on a port and plain http (a local Sentry)', () => {
      const read = link('http://localhost:9000/organizations/sentry/issues/3/');
      assert.deepEqual(read.target, { kind: 'issue', issueId: '3', org: 'sentry' });
      assert.equal(read.base, 'http://localhost:9000');
      assert.equal(link('localhost:9000/organizations/sentry/issues/3/').host, 'localhost:9000');
      assert.equal(link('http://127.0.0.1:8000/organizations/demo-org/issues/6100000001/').host, '127.0.0.1:8000');
    });

    it('the customer-domain form on a self-hosted subdomain names no organization by its host', () => {
      const read = link('https://acme.sentry.example.com/issues/42/');
      assert.deepEqual(read.target, { kind: 'issue', issueId: '42' });
    });
  });
});

describe('isLinkForServer: which pasted links the signed-in server answers for', () => {
  const on = (url: string) => {
    const parsed = parseOpenInput(url);
    assert.ok(parsed.ok && parsed.link);
    return parsed.link;
  };

  it('sentry.io: every sentry.io host (organization subdomains, regions), nothing else', () => {
    assert.ok(isLinkForServer(on('https://acme.sentry.io/issues/1/'), 'https://sentry.io'));
    assert.ok(isLinkForServer(on('https://us.sentry.io/organizations/acme/issues/1/'), 'https://sentry.io'));
    assert.ok(isLinkForServer(on('https://sentry.io/organizations/acme/issues/1/'), 'https://de.sentry.io'));
    assert.ok(!isLinkForServer(on('https://sentry.example.com/organizations/acme/issues/1/'), 'https://sentry.io'));
    assert.ok(!isLinkForServer(on('https://acme.sentry.io.evil.example/issues/1/'), 'https://sentry.io'));
  });

  it('self-hosted: its host and port, its subdomains, and hosts it named for an organization', () => {
    const base = 'https://sentry.example.com/sentry';
    assert.ok(isLinkForServer(on('https://sentry.example.com/sentry/organizations/acme/issues/1/'), base));
    assert.ok(isLinkForServer(on('https://acme.sentry.example.com/issues/1/'), base));
    assert.ok(!isLinkForServer(on('https://sentry.example.com:8443/organizations/acme/issues/1/'), base));
    assert.ok(!isLinkForServer(on('https://acme.sentry.io/issues/1/'), base));
    assert.ok(!isLinkForServer(on('https://other.example.com/organizations/acme/issues/1/'), base));
    assert.ok(isLinkForServer(on('https://other.example.com/organizations/acme/issues/1/'), base, ['https://other.example.com']));
    assert.ok(!isLinkForServer(on('http://127.0.0.1:9999/organizations/acme/issues/1/'), 'http://127.0.0.1:8000'));
  });
});
