import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { NotSentryError } from '../../../src/sentry/http/errors';
import { parseIssue, parseList, parseOrganization, parseProject } from '../../../src/sentry/api/responseParsers';
import { ownFixture, sharedFixture, withSharedFixtures } from '../fixturePaths';

const read = (name: string): unknown => JSON.parse(fs.readFileSync(sharedFixture(name), 'utf8'));
const own = (name: string): unknown => JSON.parse(fs.readFileSync(ownFixture('api', name), 'utf8'));

describe("response parsers read the project's own API answers", () => {
  it('organizations, with region links when present', () => {
    const orgs = parseList(own('organizations.json'), 'organizations', parseOrganization);
    assert.deepEqual(orgs, [
      { id: '11', slug: 'northwind', name: 'Northwind Traders', regionUrl: 'https://de.sentry.io', organizationUrl: 'https://northwind.sentry.io' },
      { id: '12', slug: 'tailspin', name: 'Tailspin Toys', regionUrl: undefined, organizationUrl: undefined },
    ]);
  });

  it('projects', () => {
    const projects = parseList(own('projects.json'), 'projects', (p) => parseProject(p, 'northwind'));
    assert.deepEqual(projects[0], { id: '301', slug: 'storefront', name: 'Storefront', platform: undefined, organizationSlug: 'northwind' });
    assert.equal(projects[1].platform, 'python');
  });

  it('issues: counts as text, status and substatus, assignee, bookmark, project; a title from metadata', () => {
    const [archived, plain] = parseList(own('issues.json'), 'issues', parseIssue);
    assert.deepEqual(
      [archived.shortId, archived.count, archived.userCount, archived.status, archived.substatus, archived.assignee, archived.isBookmarked, archived.hasSeen, archived.isUnhandled, archived.projectSlug, archived.projectId],
      ['STOREFRONT-1A', 150, 12, 'ignored', 'archived_until_escalating', 'Dana Scully', true, false, true, 'storefront', '301'],
    );
    assert.equal(archived.permalink, 'https://northwind.sentry.io/issues/4201/');
    assert.deepEqual([plain.title, plain.level, plain.assignee, plain.isBookmarked, plain.firstSeen], ['Invoice total does not add up', 'warning', undefined, undefined, undefined]);
  });
});

withSharedFixtures('response parsers read every organization, project and issue Sentry wrote', (test) => {
  test('organizations, with region links when present', () => {
    const api = parseList(read('api-organizations-list.openapi.json'), 'organizations', parseOrganization);
    assert.deepEqual(api[0], {
      id: '2',
      slug: 'the-interstellar-jurisdiction',
      name: 'The Interstellar Jurisdiction',
      regionUrl: 'https://us.sentry.io',
      organizationUrl: 'https://the-interstellar-jurisdiction.sentry.io',
    });
    const cli = parseList(read('cli-organizations-list.sentry-cli.json'), 'organizations', parseOrganization);
    assert.ok(cli.length >= 2);
    assert.equal(cli[0].slug, 'sentry-sdks');
    assert.equal(cli[0].regionUrl, undefined);
    const single = parseOrganization(read('mcp-organization-with-region-links.sentry-mcp.json'));
    assert.equal(single?.regionUrl, 'https://us.sentry.io');
  });

  test('projects', () => {
    const api = parseList(read('api-org-projects-list.openapi.json'), 'projects', (p) => parseProject(p, 'org'));
    assert.deepEqual(api[0], { id: '3', slug: 'prime-mover', name: 'Prime Mover', platform: undefined, organizationSlug: 'org' });
    const cli = parseList(read('cli-projects-list.sentry-cli.json'), 'projects', (p) => parseProject(p, 'org'));
    assert.equal(cli[0].slug, 'setcommits');
    assert.equal(cli[0].platform, 'javascript');
    assert.equal(parseProject(read('mcp-project.sentry-mcp.json'), 'org')?.platform, 'node');
  });

  test('issues, from the org list, the deprecated project list, detail, short-id lookup, and trimmed CLI mocks', () => {
    const [org] = parseList(read('api-org-issues-list.openapi.json'), 'issues', parseIssue);
    assert.equal(org.shortId, 'PUMP-STATION-1');
    assert.equal(org.count, 150);
    assert.equal(org.status, 'ignored');
    assert.equal(org.projectSlug, 'pump-station');
    assert.equal(org.assignee, 'John Doe');
    const [project] = parseList(read('api-project-issues-list.openapi.json'), 'issues', parseIssue);
    assert.equal(project.level, 'error');
    const detail = parseIssue(read('api-issue-detail.openapi.json'));
    assert.equal(detail?.userCount, 12);
    const lookup = read('api-shortid-lookup.openapi.json') as { group: unknown };
    assert.equal(parseIssue(lookup.group)?.shortId, 'PUMP-STATION-1');
    const mcp = parseIssue(read('mcp-issue-detail-javascript.sentry-mcp.json'));
    assert.equal(mcp?.permalink, 'https://sentry-mcp-evals.sentry.io/issues/6507376925/');
    assert.equal(mcp?.isUnhandled, true);
    const trimmed = parseList(read('cli-issues-list-trimmed.sentry-cli.json'), 'issues', parseIssue);
    assert.deepEqual(
      trimmed.map((i) => [i.shortId, i.level, i.count, i.culprit]),
      [
        ['SEN-CLI-L', 'error', 0, ''],
        ['SEN-CLI-H', 'info', 0, ''],
        ['SEN-CLI-1', 'error', 0, ''],
      ],
    );
  });
});

describe('response parsers on damaged answers', () => {
  it('degrades wrong types instead of throwing, and rejects a non-list', () => {
    const [issue] = parseList([{ id: 7, title: ['x'], count: 'many', level: 'catastrophic', userCount: null }, 'junk', null], 'issues', parseIssue);
    assert.equal(issue.id, '7');
    assert.equal(issue.title, '<unlabeled issue>');
    assert.equal(issue.count, 0);
    assert.equal(issue.level, 'unknown');
    assert.throws(() => parseList({ detail: 'x' }, 'issues', parseIssue), NotSentryError);
  });

  it('reads counts and flags that an old server sends as text as what they mean', () => {
    const [issue] = parseList([{ id: '8', count: '1500', userCount: '12', isUnhandled: 'true' }], 'issues', parseIssue);
    assert.deepEqual([issue.count, issue.userCount, issue.isUnhandled], [1500, 12, true]);
  });
});
