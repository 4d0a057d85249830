import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { child, extensionApi, resetServer, serverRequests } from './helpers';
import { issueItems, sleep, useEnvironmentToken } from './paletteHelpers';
import { waitFor } from './uiSpies';

const ORG = DEMO.organizations.demo;

describe('the status bar: the current project\'s unresolved issues', () => {
  let api: SentryExplorerApi;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await useEnvironmentToken(api);
  });
  // The project these tests made current would be counted after every later sign-in.
  after(async () => {
    await api.currentProject.forget();
    await resetServer();
  });

  it('filtering a project makes it current: its count in one limit=1 request, and a click opens the search on it', async () => {
    const org = await child(api, undefined, ORG.name);
    const project = await child(api, org, DEMO.projects.apiServer.name);
    await resetServer();
    await vscode.commands.executeCommand('sentry.filterIssues', project, 'is:unresolved');
    await waitFor(() => /api-server: \d+/.test(api.statusBar.item.text), `the count (window focused: ${vscode.window.state.focused})`, 15_000);
    assert.strictEqual(api.statusBar.item.text, `$(bug) api-server: ${DEMO.counts.apiServerUnresolved}`);
    assert.match(String(api.statusBar.item.tooltip), /56 unresolved issues in api-server .* Click to search them\./);
    const counts = (await serverRequests()).filter((r) => r.query.limit?.[0] === '1' && r.query.project?.[0] === DEMO.projects.apiServer.id);
    assert.strictEqual(counts.length, 1, 'one small request for the count');
    assert.deepStrictEqual(counts[0].query.query, ['is:unresolved']);

    const command = api.statusBar.item.command as vscode.Command;
    assert.strictEqual(command.command, 'sentry.searchIssues');
    void vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await waitFor(() => api.search.active !== undefined, 'the search');
    const picker = api.search.active!;
    try {
      assert.strictEqual(picker.value, 'is:unresolved');
      assert.match(String(picker.title), /project api-server/);
      const items = await issueItems(picker, 'the project\'s unresolved issues');
      assert.ok(items.every((i) => i.label.startsWith('API-SERVER-')));
    } finally {
      picker.hide();
    }
  });

  it('resolving one of its issues counts again, shortly after', async () => {
    const org = await child(api, undefined, ORG.name);
    const project = await child(api, org, DEMO.projects.apiServer.name);
    const rows = await api.tree.getChildren(project);
    await vscode.commands.executeCommand('sentry.resolveIssue', rows[0]);
    await waitFor(() => api.statusBar.item.text === `$(bug) api-server: ${DEMO.counts.apiServerUnresolved - 1}`, 'one fewer', 15_000);
    await vscode.commands.executeCommand('sentry.unresolveIssue', rows[0]);
    await waitFor(() => api.statusBar.item.text === `$(bug) api-server: ${DEMO.counts.apiServerUnresolved}`, 'back', 15_000);
  });

  it('Refresh keeps the count it shows (the interval renews it, no extra request); another project is counted at once', async () => {
    const shown = `$(bug) api-server: ${DEMO.counts.apiServerUnresolved}`;
    await waitFor(() => api.statusBar.item.text === shown, 'the api-server count', 15_000);
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
    await sleep(500);
    await api.statusBar.lastCount;
    const counts = async () => (await serverRequests()).filter((r) => r.query.limit?.[0] === '1');
    assert.deepStrictEqual(await counts(), [], 'no count after Refresh');
    assert.strictEqual(api.statusBar.item.text, shown);

    await api.currentProject.use({ org: ORG.slug, project: DEMO.projects.payments.slug });
    await waitFor(() => /^\$\(bug\) payments: \d+$/.test(api.statusBar.item.text), 'the payments count', 15_000);
    const sent = await counts();
    assert.strictEqual(sent.length, 1);
    assert.deepStrictEqual(sent[0].query.project, [DEMO.projects.payments.id]);
  });
});
