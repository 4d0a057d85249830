import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { child, childrenOf, extensionApi, injectFault, labelOf, resetServer, serverRequests } from './helpers';

const ORG = DEMO.organizations.demo;
const API_SERVER = DEMO.projects.apiServer;
const LOAD_MORE = 'Load more…';

const issueRequests = async () => (await serverRequests()).filter((r) => r.path.endsWith('/issues/'));
const iconOf = (node: TreeNode) => {
  const icon = node.getTreeItem().iconPath;
  return icon instanceof vscode.ThemeIcon ? icon.id : undefined;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('paging that never dead-ends or lies', () => {
  let api: SentryExplorerApi;
  let project: TreeNode;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });

  beforeEach(async () => {
    // A new client each time: pages another test loaded are not answered from the cache.
    await vscode.commands.executeCommand('sentry.refresh');
    await resetServer();
    const org = await child(api, undefined, ORG.name);
    project = await child(api, org, API_SERVER.name);
  });

  afterEach(() => resetServer());

  it('a foreign next link ends the list with its explaining row', async () => {
    await injectFault({ match: '/issues/', linkOrigin: 'http://evil.example.test' });
    const rows = await childrenOf(api, project);
    assert.strictEqual(rows.length, 26, rows.map(labelOf).join(' | '));
    assert.strictEqual(labelOf(rows[25]), 'The next page is on http://evil.example.test, which is not your Sentry server; it was not loaded.');
    assert.strictEqual(iconOf(rows[25]), 'warning');
    assert.ok(!rows.some((r) => labelOf(r) === LOAD_MORE));
    assert.strictEqual((await issueRequests()).length, 1);
  });

  it('results="true" without a cursor ends the list with "may be incomplete"', async () => {
    await injectFault({ match: '/issues/', headers: { Link: `<${process.env.SENTRY_EXPLORER_TEST_SERVER}/api/0/organizations/${ORG.slug}/issues/?limit=25>; rel="next"; results="true"` } });
    const rows = await childrenOf(api, project);
    assert.strictEqual(rows.length, 26);
    assert.match(labelOf(rows[25]), /^The list may be incomplete: Sentry said there is more, but sent no cursor/);
  });

  it('a page that repeats the previous page ends the list instead of adding its rows again', async () => {
    const sameFirstPage = `<${process.env.SENTRY_EXPLORER_TEST_SERVER}/api/0/organizations/${ORG.slug}/issues/?&cursor=0:0:0>; rel="next"; results="true"; cursor="0:0:0"`;
    await injectFault({ match: '/issues/', headers: { Link: sameFirstPage }, times: 2 });
    let rows = await childrenOf(api, project);
    assert.strictEqual(labelOf(rows[25]), LOAD_MORE);
    await vscode.commands.executeCommand('sentry.loadMore', rows[25]);
    rows = await childrenOf(api, project);
    assert.strictEqual(rows.length, 26, rows.map(labelOf).join(' | '));
    assert.match(labelOf(rows[25]), /^The list may be incomplete: Sentry sent a page it had already sent/);
    assert.strictEqual(new Set(rows.map((r) => r.id)).size, rows.length);
  });

  it('two quick Load more clicks load the next page once: no row twice', async () => {
    const rows = await childrenOf(api, project);
    const more = rows[25];
    await Promise.all([vscode.commands.executeCommand('sentry.loadMore', more), vscode.commands.executeCommand('sentry.loadMore', more)]);
    const after = await childrenOf(api, project);
    assert.strictEqual(after.length, 51, 'one page of 25 added, once');
    assert.strictEqual(new Set(after.map((r) => r.id)).size, after.length, 'ids are unique (the real tree rejects duplicates)');
    assert.strictEqual((await issueRequests()).filter((r) => r.query.cursor?.[0] === '0:25:0').length, 1);
  });

  it('Load more says "Loading…" while it fetches', async () => {
    const rows = await childrenOf(api, project);
    await injectFault({ match: '/issues/', delayMs: 1500 });
    const loading = vscode.commands.executeCommand('sentry.loadMore', rows[25]);
    await sleep(200);
    const during = await childrenOf(api, project);
    const more = during[during.length - 1];
    assert.strictEqual(labelOf(more), LOAD_MORE);
    assert.strictEqual(more.getTreeItem().description, 'Loading…');
    assert.strictEqual(iconOf(more), 'loading~spin');
    await loading;
    const after = await childrenOf(api, project);
    assert.strictEqual(after.length, 51);
    assert.strictEqual(after[50].getTreeItem().description, undefined);
  });

  it('changing the filter while a page loads discards that load', async () => {
    const rows = await childrenOf(api, project);
    await injectFault({ match: '/issues/', delayMs: 1500 });
    const late = vscode.commands.executeCommand('sentry.loadMore', rows[25]);
    await sleep(200);
    try {
      await vscode.commands.executeCommand('sentry.filterIssues', project, 'is:resolved');
      const resolved = await childrenOf(api, project);
      assert.strictEqual(resolved.length, DEMO.counts.apiServerResolved);
      await late;
      const after = await childrenOf(api, project);
      assert.strictEqual(after.length, DEMO.counts.apiServerResolved, 'the old page did not write into the new list');
      assert.deepStrictEqual(after.map((r) => r.id), resolved.map((r) => r.id));
    } finally {
      await vscode.commands.executeCommand('sentry.filterIssues', project, 'is:unresolved');
    }
  });

  it('the empty state names the query only when the user set one', async () => {
    try {
      await vscode.commands.executeCommand('sentry.filterIssues', project, 'release:no-such-release');
      const rows = await childrenOf(api, project);
      assert.deepStrictEqual(rows.map(labelOf), ['No issues match "release:no-such-release".']);
    } finally {
      await vscode.commands.executeCommand('sentry.filterIssues', project, 'is:unresolved');
    }
  });

  it('a rate-limited list shows its message in a row with Retry', async () => {
    await injectFault({ match: '/issues/', rateLimit: { resetInSeconds: 7200 } });
    try {
      const rows = await childrenOf(api, project);
      assert.strictEqual(rows.length, 1, rows.map(labelOf).join(' | '));
      assert.match(labelOf(rows[0]), /rate limit/i);
      assert.strictEqual(rows[0].getTreeItem().contextValue, 'message.retry');
      assert.strictEqual(rows[0].getTreeItem().command?.command, 'sentry.retry');
      assert.strictEqual(iconOf(rows[0]), 'watch');
    } finally {
      // A new client forgets the endpoint's rate-limit block.
      await vscode.commands.executeCommand('sentry.refresh');
    }
  });

  it('Refresh cancels a load in flight: it ends at once, with nothing alarming', async () => {
    await injectFault({ match: '/issues/', delayMs: 5000 });
    const loading = childrenOf(api, project);
    await sleep(300);
    const started = Date.now();
    await vscode.commands.executeCommand('sentry.refresh');
    const rows = await loading;
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.ok(!rows.some((r) => iconOf(r) === 'warning'), rows.map(labelOf).join(' | '));
    const org = await child(api, undefined, ORG.name);
    const fresh = await childrenOf(api, await child(api, org, API_SERVER.name));
    assert.strictEqual(fresh.length, 26, 'the refreshed tree loads normally');
  });

  it('collapsing a node in the view cancels its load', async () => {
    await injectFault({ match: '/issues/', delayMs: 5000 });
    const collapsed: string[] = [];
    const listener = api.treeView.onDidCollapseElement(({ element }) => collapsed.push((element as TreeNode).id));
    try {
      // Expand the project in the real view (VS Code starts loading its issues), then collapse it as a user would.
      void api.treeView.reveal(project, { expand: true });
      const deadline = Date.now() + 5000;
      while (!(await issueRequests()).length && Date.now() < deadline) await sleep(50);
      const loading = childrenOf(api, project);
      const started = Date.now();
      await vscode.commands.executeCommand('workbench.actions.treeView.sentryExplorer.tree.collapseAll');
      const rows = await loading;
      assert.ok(collapsed.includes(project.id), `collapsed: ${collapsed.join(', ')}`);
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
      assert.deepStrictEqual(rows.map(iconOf), ['debug-restart'], rows.map(labelOf).join(' | '));
      await resetServer();
      const again = await childrenOf(api, project);
      assert.strictEqual(again.length, 26, 'expanding again loads the list');
    } finally {
      listener.dispose();
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
    }
  });
});
