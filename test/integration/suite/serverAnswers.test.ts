import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { child, childrenOf, extensionApi, injectFault, labelOf, resetServer, serverRequests } from './helpers';

const ORG = DEMO.organizations.demo;

/** The rows a project shows when its issue list is loaded afresh. */
async function issueRows(api: SentryExplorerApi, projectName: string): Promise<TreeNode[]> {
  const org = await child(api, undefined, ORG.name);
  const project = await child(api, org, projectName);
  project.reset?.();
  return childrenOf(api, project);
}

function tooltipText(node: TreeNode): string {
  const tooltip = node.getTreeItem().tooltip;
  return tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip ?? '');
}

describe('what the tree shows when a server answers badly (issue 6: points 4, 6, 7, 15)', () => {
  let api: SentryExplorerApi;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });
  // A fresh session after each: no rate-limit hold or cached failure carries into the next test.
  afterEach(async () => {
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });

  it('a rate limit of a day fails at once with a retry row saying until when, instead of waiting', async () => {
    await injectFault({ match: '/issues/', rateLimit: { retryAfterSeconds: 24 * 3600 } });
    const started = Date.now();
    const rows = await issueRows(api, DEMO.projects.worker.name);
    assert.ok(Date.now() - started < 10_000, 'no day-long wait');
    assert.strictEqual(rows.length, 1, rows.map(labelOf).join(' | '));
    assert.match(labelOf(rows[0]), /rate limited until (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}/);
    assert.strictEqual(rows[0].getTreeItem().contextValue, 'message.retry');
    assert.strictEqual((await serverRequests()).filter((r) => r.path.endsWith('/issues/')).length, 1, 'not sent again');
  });

  it('an answer cut off part-way says, within seconds, that the connection was closed, and Retry recovers', async () => {
    await injectFault({ match: '/issues/', closeAfterBytes: 100 });
    const started = Date.now();
    const rows = await issueRows(api, DEMO.projects.payments.name);
    assert.ok(Date.now() - started < 15_000, 'not left to the 30 s timeout');
    assert.strictEqual(rows.length, 1, rows.map(labelOf).join(' | '));
    assert.match(labelOf(rows[0]), /stopped sending before the answer was complete.*closed the connection/);
    await vscode.commands.executeCommand('sentry.retry', rows[0]);
    const org = await child(api, undefined, ORG.name);
    const recovered = await childrenOf(api, await child(api, org, DEMO.projects.payments.name));
    assert.ok(recovered.length > 0 && recovered.every((n) => /^PAYMENTS-/.test(labelOf(n))), recovered.map(labelOf).join(' | '));
  });

  it('a damaged gzip answer says it could not be read, not that Sentry is unreachable', async () => {
    await injectFault({ match: '/issues/', encoding: 'gzip', corruptEncoding: true });
    const rows = await issueRows(api, DEMO.projects.webFrontend.name);
    assert.strictEqual(rows.length, 1, rows.map(labelOf).join(' | '));
    assert.match(labelOf(rows[0]), /could not be read: decompression failed/);
    assert.doesNotMatch(labelOf(rows[0]), /Could not reach/);
  });

  it('a token the server echoes never reaches a row, and a 403 without a named scope guesses none', async () => {
    const token = process.env.SENTRY_AUTH_TOKEN;
    assert.ok(token);
    await injectFault({ match: '/issues/', status: 403, body: '{"detail": "token {authorization} may not read this"}', echoAuthorization: true });
    const rows = await issueRows(api, DEMO.projects.apiServer.name);
    assert.strictEqual(rows.length, 1, rows.map(labelOf).join(' | '));
    for (const text of [labelOf(rows[0]), tooltipText(rows[0])]) {
      assert.ok(!text.includes(token), text);
      assert.match(text, /\[redacted\]/);
    }
    assert.match(labelOf(rows[0]), /Browsing needs a token with the org:read, project:read and event:read scopes/);
    assert.doesNotMatch(labelOf(rows[0]), /needs the "event:read" scope/);
  });
});
