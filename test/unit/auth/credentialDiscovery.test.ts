import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverCredentials } from '../../../src/auth/credentialDiscovery';

describe('discoverCredentials (sentry-cli conventions)', () => {
  let dir: string;
  let home: string;
  let workspace: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-discovery-'));
    home = path.join(dir, 'home');
    workspace = path.join(dir, 'ws');
    fs.mkdirSync(home);
    fs.mkdirSync(workspace);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds nothing without env or .sentryclirc', async () => {
    assert.equal(await discoverCredentials({ env: {}, workspaceFolders: [workspace], homeDir: home }), undefined);
  });

  it('uses SENTRY_AUTH_TOKEN with SENTRY_URL and SENTRY_ORG, defaulting to sentry.io', async () => {
    const env = { SENTRY_AUTH_TOKEN: 'sntryu_abc', SENTRY_ORG: 'acme' };
    assert.deepEqual(await discoverCredentials({ env, workspaceFolders: [], homeDir: home }), {
      token: 'sntryu_abc',
      url: 'https://sentry.io',
      org: 'acme',
      project: undefined,
      source: 'SENTRY_AUTH_TOKEN',
    });
    const selfHosted = await discoverCredentials({ env: { ...env, SENTRY_URL: 'https://sentry.corp/' }, workspaceFolders: [], homeDir: home });
    assert.equal(selfHosted?.url, 'https://sentry.corp/');
  });

  it('reads [auth] token and [defaults] from the workspace .sentryclirc before the home one', async () => {
    fs.writeFileSync(path.join(home, '.sentryclirc'), '[auth]\ntoken=home-token\n');
    fs.writeFileSync(path.join(workspace, '.sentryclirc'), '[auth]\ntoken = ws-token\n\n[defaults]\nurl = https://sentry.corp/\norg = corp\nproject = api\n');
    const found = await discoverCredentials({ env: {}, workspaceFolders: [workspace], homeDir: home });
    assert.deepEqual(found, {
      token: 'ws-token',
      url: 'https://sentry.corp/',
      org: 'corp',
      project: 'api',
      source: path.join(workspace, '.sentryclirc'),
    });
  });

  it('falls back to the home .sentryclirc; the environment overrides its values', async () => {
    fs.writeFileSync(path.join(home, '.sentryclirc'), '[auth]\ntoken=home-token\n[defaults]\nurl=https://a.example\norg=a\n');
    const fromHome = await discoverCredentials({ env: {}, workspaceFolders: [workspace], homeDir: home });
    assert.equal(fromHome?.token, 'home-token');
    assert.equal(fromHome?.source, path.join(home, '.sentryclirc'));
    const overridden = await discoverCredentials({ env: { SENTRY_ORG: 'b' }, workspaceFolders: [workspace], homeDir: home });
    assert.equal(overridden?.org, 'b');
    assert.equal(overridden?.url, 'https://a.example');
  });
});
