import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { child, childrenOf, extensionApi, injectFault, issueByShortId, labelOf, resetServer, serverRequests } from './helpers';

const ORG = DEMO.organizations.demo;
const API_SERVER = DEMO.projects.apiServer;

describe('browsing organizations → projects → issues (token from SENTRY_AUTH_TOKEN)', () => {
  let api: SentryExplorerApi;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });
  afterEach(() => resetServer());

  it('shows the organizations and says where the token came from', async () => {
    const orgs = await childrenOf(api);
    assert.deepStrictEqual(orgs.map(labelOf), [ORG.name, DEMO.organizations.acme.name]);
    assert.strictEqual(api.session.state, 'signedIn');
    assert.match(String(api.treeView.description), /token from SENTRY_AUTH_TOKEN/);
  });

  it('lists projects, and issues a page at a time with Load more…', async () => {
    const org = await child(api, undefined, ORG.name);
    const project = await child(api, org, API_SERVER.name);
    let rows = await childrenOf(api, project);
    assert.strictEqual(rows.length, 26, 'first page of 25 issues + Load more…');
    assert.strictEqual(labelOf(rows[25]), 'Load more…');
    const issue = rows[0].getTreeItem();
    assert.match(String(issue.label), /^API-SERVER-\d+ {2}\S/);
    assert.match(String(issue.description), /events? · \d+ users? · /);
    assert.ok(issue.tooltip instanceof vscode.MarkdownString && !issue.tooltip.isTrusted);

    await vscode.commands.executeCommand('sentry.loadMore', rows[25]);
    rows = await childrenOf(api, project);
    assert.strictEqual(rows.length, 51);
    await vscode.commands.executeCommand('sentry.loadMore', rows[50]);
    rows = await childrenOf(api, project);
    assert.strictEqual(rows.length, DEMO.counts.apiServerUnresolved, 'all unresolved issues, no Load more… after the last page');
    assert.ok(!rows.some((r) => labelOf(r) === 'Load more…'));
  });

  it('repeat views come from the cache: no request per tree node', async () => {
    const org = await child(api, undefined, ORG.name);
    await childrenOf(api, org);
    await resetServer();
    for (const project of await childrenOf(api, org)) await childrenOf(api, project);
    const issueRequests = (await serverRequests()).filter((r) => r.path.endsWith('/issues/'));
    assert.strictEqual(issueRequests.length, 3, 'one request for each project not yet loaded, none for the one already open');
  });

  it('filters a project\'s issues with Sentry search, and sorts them', async () => {
    const org = await child(api, undefined, ORG.name);
    const project = await child(api, org, API_SERVER.name);
    await vscode.commands.executeCommand('sentry.filterIssues', project, 'is:resolved');
    const resolved = await childrenOf(api, project);
    assert.strictEqual(resolved.length, DEMO.counts.apiServerResolved);
    assert.match(String(project.getTreeItem().description), /is:resolved/);

    await vscode.commands.executeCommand('sentry.filterIssues', project, 'is:unresolved');
    await vscode.commands.executeCommand('sentry.sortIssues', project, 'freq');
    const byFrequency = await childrenOf(api, project);
    const counts = byFrequency.filter((n) => labelOf(n) !== 'Load more…').map((n) => eventCount(String(n.getTreeItem().description)));
    assert.ok(counts.every((c, i) => i === 0 || counts[i - 1] >= c), `sorted by events: ${counts.join(',')}`);
    await vscode.commands.executeCommand('sentry.sortIssues', project, 'date');
  });

  it('copies an issue\'s short id and link', async () => {
    const org = await child(api, undefined, ORG.name);
    const project = await child(api, org, API_SERVER.name);
    const issue = await issueByShortId(api, project, DEMO.issues.outOfStock.shortId);
    await vscode.commands.executeCommand('sentry.copyShortId', issue);
    assert.strictEqual(await vscode.env.clipboard.readText(), DEMO.issues.outOfStock.shortId);
    await vscode.commands.executeCommand('sentry.copyLink', issue);
    assert.match(await vscode.env.clipboard.readText(), new RegExp(`/issues/${DEMO.issues.outOfStock.id}/`));
  });

  it('shows a failure as a message row with retry, never a spinner', async () => {
    const org = await child(api, undefined, ORG.name);
    const project = await child(api, org, DEMO.projects.payments.name);
    await injectFault({ match: '/issues/', status: 500 });
    project.reset?.();
    const failed = await childrenOf(api, project);
    assert.strictEqual(failed.length, 1);
    assert.match(labelOf(failed[0]), /internal error \(500\)/);
    assert.strictEqual(failed[0].getTreeItem().contextValue, 'message.retry');
    await vscode.commands.executeCommand('sentry.retry', failed[0]);
    const recovered = await childrenOf(api, project);
    assert.ok(recovered.length > 0 && recovered.every((n) => /^PAYMENTS-/.test(labelOf(n))), recovered.map(labelOf).join(' | '));
  });

  it('waits out a rate limit, says so in the view, and retries once', async () => {
    const org = await child(api, undefined, ORG.name);
    const project = await child(api, org, DEMO.projects.worker.name);
    await injectFault({ match: '/issues/', rateLimit: { resetInSeconds: 2 } });
    project.reset?.();
    const loading = childrenOf(api, project);
    const deadline = Date.now() + 1500;
    while (!api.treeView.message && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match(String(api.treeView.message), /rate limit was reached: waiting \d+ s/);
    const rows = await loading;
    assert.ok(rows.length > 0 && rows.every((n) => /^WORKER-/.test(labelOf(n))), rows.map(labelOf).join(' | '));
    assert.strictEqual((await serverRequests()).filter((r) => r.path.endsWith('/issues/')).length, 2, 'the limited request and one retry');
  });

  it('a 401 switches the view back to sign-in once, however many requests failed', async () => {
    const org = await child(api, undefined, ORG.name);
    const projects = await childrenOf(api, org);
    const changes: string[] = [];
    const listener = api.session.onDidChange((state) => changes.push(state));
    try {
      await injectFault({ status: 401, body: JSON.stringify({ detail: 'Token expired' }), times: Infinity });
      projects.forEach((p) => p.reset?.());
      await Promise.all(projects.map((p) => childrenOf(api, p)));
      assert.deepStrictEqual(changes, ['rejected']);
      assert.strictEqual(api.session.state, 'rejected');
      assert.deepStrictEqual(await childrenOf(api), [], 'no rows: the sign-in welcome shows');
    } finally {
      listener.dispose();
      await resetServer();
      await vscode.commands.executeCommand('sentry.refresh');
    }
    assert.strictEqual(api.session.state, 'signedIn');
    assert.strictEqual((await childrenOf(api)).length, 2);
  });
});

/** "1.2k events · …" → 1200 */
function eventCount(description: string): number {
  const match = /^(\d+(?:\.\d)?)(k|M)? events?/.exec(description);
  assert.ok(match, description);
  return Number(match[1]) * (match[2] === 'k' ? 1000 : match[2] === 'M' ? 1_000_000 : 1);
}

describe('SENTRY_ORG and SENTRY_PROJECT (sentry-cli defaults)', () => {
  it('open the named organization and project by themselves', async () => {
    const api = await extensionApi();
    process.env.SENTRY_ORG = ORG.slug;
    process.env.SENTRY_PROJECT = API_SERVER.slug;
    try {
      await vscode.commands.executeCommand('sentry.refresh');
      const org = await child(api, undefined, ORG.name);
      assert.strictEqual(org.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      assert.strictEqual((await child(api, undefined, DEMO.organizations.acme.name)).getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      const project = await child(api, org, API_SERVER.name);
      assert.strictEqual(project.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      assert.strictEqual((await child(api, org, DEMO.projects.payments.name)).getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    } finally {
      delete process.env.SENTRY_ORG;
      delete process.env.SENTRY_PROJECT;
      await vscode.commands.executeCommand('sentry.refresh');
    }
  });
});
