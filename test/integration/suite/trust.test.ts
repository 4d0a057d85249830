import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { child, childrenOf, extensionApi, injectFault, labelOf, resetServer, serverRequests, workspaceRoot } from './helpers';

const ORG = DEMO.organizations.demo;

/**
 * Tokens found in the environment or a .sentryclirc: checked like Sign In's, sent only where the
 * same place said (or the user agreed), ignorable per workspace; server text shown inert.
 */
describe('where the token comes from and where it goes', () => {
  let api: SentryExplorerApi;
  const serverUrl = () => process.env.SENTRY_EXPLORER_TEST_SERVER!;
  const rowTexts = async (parent?: TreeNode) => (await childrenOf(api, parent)).map(labelOf);

  before(async () => {
    api = await extensionApi();
    await resetServer();
    // Start from the token in SENTRY_AUTH_TOKEN, whatever an earlier suite signed in with.
    await vscode.commands.executeCommand('sentry.signOut', { ignoreDiscovered: true });
    await vscode.commands.executeCommand('sentry.useDiscoveredToken');
    assert.strictEqual(api.session.state, 'signedIn');
    assert.strictEqual(api.session.credentials?.source, 'SENTRY_AUTH_TOKEN');
  });

  beforeEach(() => resetServer());

  afterEach(async () => {
    process.env.SENTRY_AUTH_TOKEN = DEMO.tokens.full;
    process.env.SENTRY_URL = serverUrl();
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });

  it('an organization token in SENTRY_AUTH_TOKEN shows Sign In\'s diagnosis in the view, not rows of 403s', async () => {
    process.env.SENTRY_AUTH_TOKEN = DEMO.tokens.orgCi;
    await vscode.commands.executeCommand('sentry.refresh');
    const rows = await rowTexts();
    assert.strictEqual(api.session.state, 'unusable');
    const message = String(api.treeView.message);
    assert.match(message, /^Could not use the token from SENTRY_AUTH_TOKEN: This is an organization auth token \(it starts with "sntrys_"\)/);
    assert.match(message, /Create a User Auth Token instead/);
    assert.deepStrictEqual(rows, ['Sign In with Another Token…', 'Check Again', 'Ignore This Token in This Workspace…']);
    assert.ok(!/403/.test(message), message);
    const requests = await serverRequests();
    assert.deepStrictEqual(requests.map((r) => r.path), ['/api/0/organizations/'], 'only the check ran');
  });

  it('a token missing a scope is diagnosed on the first tree load, and browsing works once it is fixed', async () => {
    process.env.SENTRY_AUTH_TOKEN = DEMO.tokens.withoutEventRead;
    await vscode.commands.executeCommand('sentry.refresh');
    await rowTexts();
    assert.match(String(api.treeView.message), /lacks the "?event:read"? scope/);
    process.env.SENTRY_AUTH_TOKEN = DEMO.tokens.full;
    await vscode.commands.executeCommand('sentry.refresh');
    assert.strictEqual(api.session.state, 'signedIn');
    assert.strictEqual(api.treeView.message, undefined, 'the diagnosis goes once the token works');
    assert.ok((await rowTexts()).includes(ORG.name));
  });

  it('Sign Out with a token from the environment ignores it in this workspace until "Use That Token Again"', async () => {
    const declined = await vscode.commands.executeCommand<boolean>('sentry.signOut', { ignoreDiscovered: false });
    assert.strictEqual(declined, false);
    assert.strictEqual(api.session.state, 'signedIn', 'declining keeps the session');

    assert.strictEqual(await vscode.commands.executeCommand<boolean>('sentry.signOut', { ignoreDiscovered: true }), true);
    assert.strictEqual(api.session.state, 'signedOut');
    assert.strictEqual(api.session.signedOutReason, 'ignored');
    assert.deepStrictEqual(await rowTexts(), [], 'the welcome view (with its "ignored" text) shows');
    await vscode.commands.executeCommand('sentry.refresh');
    assert.strictEqual(api.session.state, 'signedOut', 'still ignored after a refresh');

    await vscode.commands.executeCommand('sentry.useDiscoveredToken');
    assert.strictEqual(api.session.state, 'signedIn');
    assert.strictEqual(api.session.credentials?.source, 'SENTRY_AUTH_TOKEN');
  });

  describe('a .sentryclirc in the workspace that names the server', () => {
    let rcFile: string;
    before(() => {
      rcFile = path.join(workspaceRoot(), '.sentryclirc');
    });
    afterEach(async () => {
      fs.rmSync(rcFile, { force: true });
      await api.session.destinations.forget(serverUrl());
    });

    it('gets the token from SENTRY_AUTH_TOKEN only with the user\'s consent, remembered per URL', async () => {
      fs.writeFileSync(rcFile, `[defaults]\nurl=${serverUrl()}\norg=${ORG.slug}\n`);
      delete process.env.SENTRY_URL;

      await api.session.destinations.remember(serverUrl(), false);
      await resetServer();
      await vscode.commands.executeCommand('sentry.refresh');
      assert.strictEqual(api.session.state, 'signedOut');
      assert.strictEqual(api.session.signedOutReason, 'serverRefused');
      assert.deepStrictEqual(await rowTexts(), []);
      assert.deepStrictEqual(await serverRequests(), [], 'nothing was sent to the server the workspace named');

      await api.session.destinations.remember(serverUrl(), true);
      await vscode.commands.executeCommand('sentry.refresh');
      assert.strictEqual(api.session.state, 'signedIn');
      assert.strictEqual(api.session.credentials?.url, serverUrl());
      assert.strictEqual(api.session.credentials?.org, ORG.slug);
      assert.ok((await rowTexts()).includes(ORG.name));
      assert.ok((await serverRequests()).every((r) => r.authorization === `Bearer ${DEMO.tokens.full}`));
    });

    it('a URL that cannot be Sentry\'s is explained in the view, inert, and nothing is sent', async () => {
      fs.writeFileSync(rcFile, '[defaults]\nurl=http://[Open](command:workbench.action.terminal.new).evil.example/\n');
      delete process.env.SENTRY_URL;
      await resetServer();
      await vscode.commands.executeCommand('sentry.refresh');
      assert.strictEqual(api.session.state, 'unusable');
      const message = String(api.treeView.message);
      assert.match(message, /^Could not use the token from SENTRY_AUTH_TOKEN: The Sentry URL from .*\.sentryclirc is not usable/);
      assert.ok(!message.includes(']('), message);
      assert.deepStrictEqual(await serverRequests(), []);
    });

    it('with SENTRY_URL set, the environment\'s URL wins and nothing is asked', async () => {
      fs.writeFileSync(rcFile, '[defaults]\nurl=https://collector.evil.example\n');
      await vscode.commands.executeCommand('sentry.refresh');
      assert.strictEqual(api.session.state, 'signedIn');
      assert.strictEqual(api.session.credentials?.url, serverUrl());
      assert.strictEqual(api.session.destinations.decisionFor('https://collector.evil.example'), undefined);
    });
  });

  it('a server\'s error text reaches the view without live links or the token', async () => {
    const echoed = `sntryu_${'ab'.repeat(32)}`;
    const detail = `[Fix it](command:workbench.action.terminal.new) token ${echoed} $(alert)`;
    await injectFault({ match: '/projects/', status: 400, body: JSON.stringify({ detail }) });
    const org = await child(api, undefined, ORG.name);
    org.reset?.();
    const [row] = await childrenOf(api, org);
    const label = labelOf(row);
    assert.match(label, /refused the request \(400\)/);
    assert.ok(!label.includes(']('), label);
    assert.ok(!label.includes('$('), label);
    assert.ok(!label.includes(echoed), label);
    assert.match(label, /\[redacted\]/);
  });
});
