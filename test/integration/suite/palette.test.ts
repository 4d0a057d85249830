import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { child, extensionApi, injectFault, labelOf, resetServer, serverRequests } from './helpers';
import { issueItems, issueSearchRequests, openSearch, sleep, typeInto, useEnvironmentToken, waitForEventRowOf } from './paletteHelpers';
import { closePanels, waitForPanelOf } from './panelHelpers';
import { waitFor } from './uiSpies';

const ORG = DEMO.organizations.demo.slug;

describe('Sentry: Search Issues (a live quick pick over the API)', () => {
  let api: SentryExplorerApi;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await useEnvironmentToken(api);
  });
  afterEach(async () => {
    api.search.active?.hide();
    closePanels(api);
    await resetServer();
  });
  // Revealing rows expands them in the view (which would load them again after every refresh) and makes
  // their project current (counted after every sign-in): later suites start without either.
  after(async () => {
    await vscode.commands.executeCommand('workbench.actions.treeView.sentryExplorer.tree.collapseAll');
    await api.currentProject.forget();
  });

  it('typing ten characters into the real quick pick sends one request, to every project of the organization', async () => {
    const picker = await openSearch(api, { org: ORG });
    await resetServer();
    const text = 'API-SERVER';
    await typeInto(picker, text, 40);
    const items = await issueItems(picker, 'results for API-SERVER');
    await sleep(400);
    const sent = await issueSearchRequests(ORG);
    assert.strictEqual(sent.length, 1, `one request for ${text.length} keystrokes, saw ${sent.length}: ${sent.map((r) => r.query.query).join(' | ')}`);
    assert.deepStrictEqual(sent[0].query.query, [text]);
    assert.deepStrictEqual(sent[0].query.project, ['-1']);
    assert.deepStrictEqual(sent[0].query.shortIdLookup, ['1'], 'a short id-looking text asks for the short-id lookup');
    assert.ok(items.every((item) => /^API-SERVER-[0-9A-Z]+ {2}\S/.test(item.label)), items.map((i) => i.label).join(' | '));
    const first = items[0];
    assert.match(String(first.detail), /^api-server · \d+ events? · \d+ users? · last seen /);
    assert.strictEqual(first.buttons?.[0]?.tooltip, 'Open in Browser');
    assert.match(String(picker.title), /all projects of Demo Org/);
  });

  it('a keystroke while a search is in flight aborts its request (busy meanwhile); only the latest answer shows', async () => {
    const picker = await openSearch(api, { org: ORG });
    await resetServer();
    await injectFault({ match: 'query=level%3Aerror', delayMs: 3000 });
    picker.value = 'level:error';
    await waitFor(() => picker.busy, 'busy while the first search runs');
    await waitForRequests(1);
    picker.value = 'level:warning';
    const items = await issueItems(picker, 'results for level:warning');
    assert.ok(items.length > 0);
    const sent = await issueSearchRequests(ORG);
    assert.deepStrictEqual(sent.map((r) => r.query.query?.[0]), ['level:error', 'level:warning']);
    await waitForAbandoned();
    assert.ok(!picker.busy);
  });

  it('a short id finds its issue; picking it reveals it in the tree, selected, with its latest event open in the tree and the panel', async () => {
    const issue = DEMO.issues.discountDivision;
    const expanded: TreeNode[] = [];
    const listener = api.treeView.onDidExpandElement(({ element }) => expanded.push(element as TreeNode));
    try {
      const picker = await openSearch(api, { org: ORG });
      await typeInto(picker, issue.shortId.toLowerCase(), 10);
      const items = await issueItems(picker, `the issue ${issue.shortId}`);
      assert.strictEqual(items.length, 1, items.map((i) => i.label).join(' | '));
      assert.ok(items[0].label.startsWith(`${issue.shortId}  `));
      picker.activeItems = [items[0]];
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const row = await waitForEventRowOf(api, { org: ORG, issueId: issue.id }, issue.latestEventId, 'the latest event of the picked issue, selected');
      // The extension runs from its bundle: rows are checked by what they show, not by class.
      assert.strictEqual(labelOf(row), 'Latest event');
      assert.ok(api.treeView.visible, 'the Sentry view is shown');
      const issueRow = row.parent!;
      assert.ok(labelOf(issueRow).startsWith(`${issue.shortId}  `));
      assert.deepStrictEqual(issueRow.parent?.ref, { org: ORG, project: issue.project });
      await waitFor(() => expanded.includes(row), 'the latest event row expanded');
      assert.ok(expanded.includes(issueRow), 'the issue row expanded');
      const children = await api.tree.getChildren(row);
      assert.ok(children.some((c) => c.getTreeItem().contextValue?.startsWith('exception')), 'its exception shows below it');
      await waitForPanelOf(api, { org: ORG, project: issue.project, eventId: issue.latestEventId, shortId: issue.shortId }, 'the latest event in its panel');
      assert.strictEqual(api.panels.all().length, 1, 'that panel only');
    } finally {
      listener.dispose();
    }
  });

  it('opened with { query, org } (a tag clicked in the event view): the query is in the box and searched at once, in every project', async () => {
    await resetServer();
    const query = 'environment:production';
    const picker = await openSearch(api, { query, org: ORG });
    assert.strictEqual(picker.value, query);
    const items = await issueItems(picker, 'the results of the given query');
    assert.ok(items.length > 0);
    assert.ok(picker.items.some((item) => item.kind === vscode.QuickPickItemKind.Separator && /all projects of Demo Org/.test(item.label)));
    const sent = await issueSearchRequests(ORG);
    assert.strictEqual(sent.length, 1, 'searched at once, without a keystroke');
    assert.deepStrictEqual(sent[0].query.query, [query]);
    assert.deepStrictEqual(sent[0].query.project, ['-1']);
  });

  it('recent searches come first, and picking one runs it again', async () => {
    const picker = await openSearch(api, { org: ORG });
    const recent = picker.items.filter((item) => item.recent !== undefined);
    assert.strictEqual(recent[0]?.recent, DEMO.issues.discountDivision.shortId.toLowerCase(), picker.items.map((i) => i.label).join(' | '));
    assert.strictEqual(picker.items[0].kind, vscode.QuickPickItemKind.Separator);
    picker.activeItems = [recent[0]];
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const items = await issueItems(picker, 'the recent search run again');
    assert.strictEqual(picker.value, recent[0].recent);
    assert.ok(items[0].label.startsWith(DEMO.issues.discountDivision.shortId));
  });

  it('the current project scope (a title-bar button) sends its project id; Sentry search syntax goes as typed', async () => {
    const org = await child(api, undefined, DEMO.organizations.demo.name);
    await child(api, org, DEMO.projects.payments.name);
    await api.currentProject.use({ org: ORG, project: DEMO.projects.payments.slug });
    const picker = await openSearch(api, { org: ORG });
    assert.strictEqual(picker.buttons.length, 1);
    assert.match(String(picker.buttons[0].tooltip), /Search only payments/);
    assert.match(String(picker.title), /all projects of Demo Org/);
    picker.value = 'is:unresolved level:error';
    await issueItems(picker, 'org-wide results');
    await resetServer();
    // What the title-bar button runs (the UI run clicks the button itself).
    api.search.toggleScope();
    await waitFor(() => /project payments/.test(String(picker.title)), 'the project scope');
    await waitFor(() => {
      const shown = picker.items.filter((i) => i.issue);
      return !picker.busy && shown.length > 0 && shown.every((i) => i.label.startsWith('PAYMENTS-'));
    }, 'payments issues only');
    const sent = await issueSearchRequests(ORG);
    assert.deepStrictEqual(sent.at(-1)?.query.project, [DEMO.projects.payments.id]);
    assert.deepStrictEqual(sent.at(-1)?.query.query, ['is:unresolved level:error']);
    assert.match(String(picker.title), /project payments/);
  });

  it('search results show an issue\'s new state at once, through the store', async () => {
    const issue = DEMO.issues.webhookSignature;
    const picker = await openSearch(api, { org: ORG });
    picker.value = issue.shortId;
    const [item] = await issueItems(picker, issue.shortId);
    assert.ok(!/resolved/.test(String(item.detail)));
    const resolving = vscode.commands.executeCommand('sentry.resolveIssue', item.issue);
    await waitFor(() => /· resolved ·/.test(String(picker.items.find((i) => i.issue)?.detail)), 'the result to say resolved');
    assert.strictEqual(await resolving, true);
    await vscode.commands.executeCommand('sentry.unresolveIssue', item.issue);
    await waitFor(() => !/resolved/.test(String(picker.items.find((i) => i.issue)?.detail)), 'the result unresolved again');
  });

  /** The server records a request the extension hung up on (the aborted search). */
  async function waitForAbandoned(): Promise<void> {
    const started = Date.now();
    while (!(await issueSearchRequests(ORG))[0]?.abandoned) {
      if (Date.now() - started > 5000) assert.fail('the server never saw the first search hang up');
      await sleep(50);
    }
  }

  async function waitForRequests(n: number): Promise<void> {
    const started = Date.now();
    while ((await issueSearchRequests(ORG)).length < n) {
      if (Date.now() - started > 5000) assert.fail(`expected ${n} search request(s), saw ${(await serverRequests()).map((r) => r.path).join(', ')}`);
      await sleep(50);
    }
  }
});
