import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { childrenOf, extensionApi, resetServer, serverRequests } from './helpers';

describe('Sign In / Sign Out', () => {
  let api: SentryExplorerApi;
  const url = () => process.env.SENTRY_EXPLORER_TEST_SERVER!;

  before(async () => {
    api = await extensionApi();
    await resetServer();
  });

  it('refuses a rejected token and keeps the current session', async () => {
    const ok = await vscode.commands.executeCommand<boolean>('sentry.signIn', { url: url(), token: 'not-a-real-token' });
    assert.strictEqual(ok, false);
    assert.strictEqual(api.session.state, 'signedIn');
  });

  it('refuses an organization token (sntrys_)', async () => {
    const ok = await vscode.commands.executeCommand<boolean>('sentry.signIn', { url: url(), token: DEMO.tokens.orgCi });
    assert.strictEqual(ok, false);
  });

  it('checks and stores a good token, then browses with it', async () => {
    const ok = await vscode.commands.executeCommand<boolean>('sentry.signIn', { url: url(), token: DEMO.tokens.full });
    assert.strictEqual(ok, true);
    assert.strictEqual(api.session.credentials?.source, 'Sign In');
    assert.strictEqual((await childrenOf(api)).length, 2);
    assert.strictEqual((await serverRequests()).at(-1)?.authorization, `Bearer ${DEMO.tokens.full}`);
  });

  it('signs out: the tree empties (welcome view) and the token from the environment is not picked up again', async () => {
    await vscode.commands.executeCommand('sentry.signOut');
    assert.strictEqual(api.session.state, 'signedOut');
    assert.deepStrictEqual(await childrenOf(api), []);
    await vscode.commands.executeCommand('sentry.refresh');
    assert.strictEqual(api.session.state, 'signedOut');
  });

  after(async () => {
    await vscode.commands.executeCommand('sentry.signIn', { url: url(), token: DEMO.tokens.full });
  });
});
