import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverCredentials, needsDestinationConsent } from '../../../src/auth/credentialDiscovery';

describe('discoverCredentials (sentry-cli conventions)', () => {
  let dir: string;
  let home: string;
  let workspace: string;
  let homeRc: string;
  let workspaceRc: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-discovery-'));
    home = path.join(dir, 'home');
    workspace = path.join(dir, 'ws');
    fs.mkdirSync(home);
    fs.mkdirSync(workspace);
    homeRc = path.join(home, '.sentryclirc');
    workspaceRc = path.join(workspace, '.sentryclirc');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const discover = (env: NodeJS.ProcessEnv, workspaceTrusted = true) => discoverCredentials({ env, workspaceFolders: [workspace], workspaceTrusted, homeDir: home });

  it('finds nothing without env or .sentryclirc', async () => {
    assert.equal(await discover({}), undefined);
  });

  it('uses SENTRY_AUTH_TOKEN with SENTRY_URL and SENTRY_ORG, defaulting to sentry.io, and says where each came from', async () => {
    const env = { SENTRY_AUTH_TOKEN: 'sntryu_abc', SENTRY_ORG: 'acme' };
    assert.deepEqual(await discover(env), {
      token: 'sntryu_abc',
      tokenOrigin: { kind: 'environment', variable: 'SENTRY_AUTH_TOKEN' },
      url: 'https://sentry.io',
      urlOrigin: { kind: 'default' },
      org: 'acme',
      project: undefined,
      source: 'SENTRY_AUTH_TOKEN',
    });
    const selfHosted = await discover({ ...env, SENTRY_URL: 'https://sentry.corp/' });
    assert.equal(selfHosted?.url, 'https://sentry.corp/');
    assert.deepEqual(selfHosted?.urlOrigin, { kind: 'environment', variable: 'SENTRY_URL' });
  });

  it('reads [auth] token and [defaults] from the workspace .sentryclirc before the home one', async () => {
    fs.writeFileSync(homeRc, '[auth]\ntoken=home-token\n');
    fs.writeFileSync(workspaceRc, '[auth]\ntoken = ws-token\n\n[defaults]\nurl = https://sentry.corp/\norg = corp\nproject = api\n');
    assert.deepEqual(await discover({}), {
      token: 'ws-token',
      tokenOrigin: { kind: 'workspaceFile', file: workspaceRc },
      url: 'https://sentry.corp/',
      urlOrigin: { kind: 'workspaceFile', file: workspaceRc },
      org: 'corp',
      project: 'api',
      source: workspaceRc,
    });
  });

  it('falls back to the home .sentryclirc; the environment overrides its values', async () => {
    fs.writeFileSync(homeRc, '[auth]\ntoken=home-token\n[defaults]\nurl=https://a.example\norg=a\n');
    const fromHome = await discover({});
    assert.equal(fromHome?.token, 'home-token');
    assert.equal(fromHome?.source, homeRc);
    assert.deepEqual(fromHome?.tokenOrigin, { kind: 'homeFile', file: homeRc });
    const overridden = await discover({ SENTRY_ORG: 'b' });
    assert.equal(overridden?.org, 'b');
    assert.equal(overridden?.url, 'https://a.example');
  });

  describe('provenance: a workspace URL with a token from elsewhere', () => {
    it('keeps the URL\'s origin apart from the token\'s (token from SENTRY_AUTH_TOKEN, url from the repository)', async () => {
      fs.writeFileSync(workspaceRc, '[defaults]\nurl=https://collector.evil.example\n');
      const found = await discover({ SENTRY_AUTH_TOKEN: 'sntryu_env' });
      assert.equal(found?.url, 'https://collector.evil.example');
      assert.deepEqual(found?.urlOrigin, { kind: 'workspaceFile', file: workspaceRc });
      assert.deepEqual(found?.tokenOrigin, { kind: 'environment', variable: 'SENTRY_AUTH_TOKEN' });
      assert.equal(needsDestinationConsent(found!), true);
    });

    it('token from the home .sentryclirc, url from the workspace: needs consent', async () => {
      fs.writeFileSync(homeRc, '[auth]\ntoken=home-token\n');
      fs.writeFileSync(workspaceRc, '[defaults]\nurl=https://collector.evil.example\n');
      const found = await discover({});
      assert.equal(found?.token, 'home-token');
      assert.deepEqual(found?.urlOrigin, { kind: 'workspaceFile', file: workspaceRc });
      assert.equal(needsDestinationConsent(found!), true);
    });

    it('token and url from the same place need no question', async () => {
      fs.writeFileSync(workspaceRc, '[auth]\ntoken=ws-token\n[defaults]\nurl=https://sentry.corp\n');
      assert.equal(needsDestinationConsent((await discover({}))!), false);
      fs.rmSync(workspaceRc);
      assert.equal(needsDestinationConsent((await discover({ SENTRY_AUTH_TOKEN: 't', SENTRY_URL: 'https://sentry.corp' }))!), false);
      fs.writeFileSync(homeRc, '[auth]\ntoken=home-token\n[defaults]\nurl=https://sentry.corp\n');
      assert.equal(needsDestinationConsent((await discover({}))!), false);
    });

    it('a URL the user set (environment, home file) or the default needs no question', async () => {
      fs.writeFileSync(homeRc, '[defaults]\nurl=https://sentry.corp\n');
      assert.equal(needsDestinationConsent((await discover({ SENTRY_AUTH_TOKEN: 't' }))!), false);
      fs.rmSync(homeRc);
      assert.equal(needsDestinationConsent((await discover({ SENTRY_AUTH_TOKEN: 't' }))!), false);
    });

    it('two workspace folders: a token from one folder\'s file and the url from another\'s need consent', async () => {
      const other = path.join(dir, 'other');
      fs.mkdirSync(other);
      fs.writeFileSync(path.join(other, '.sentryclirc'), '[defaults]\nurl=https://collector.evil.example\n');
      fs.writeFileSync(workspaceRc, '[auth]\ntoken=ws-token\n');
      const found = await discoverCredentials({ env: {}, workspaceFolders: [workspace, other], workspaceTrusted: true, homeDir: home });
      assert.equal(found?.token, 'ws-token');
      assert.equal(found?.url, 'https://collector.evil.example');
      assert.equal(needsDestinationConsent(found!), true);
    });
  });

  describe('Restricted Mode', () => {
    it('does not read the workspace .sentryclirc at all', async () => {
      fs.writeFileSync(workspaceRc, '[auth]\ntoken=ws-token\n[defaults]\nurl=https://collector.evil.example\norg=evil\n');
      assert.equal(await discover({}, false), undefined);
      const withEnv = await discover({ SENTRY_AUTH_TOKEN: 'env-token' }, false);
      assert.equal(withEnv?.url, 'https://sentry.io');
      assert.equal(withEnv?.org, undefined);
      fs.writeFileSync(homeRc, '[auth]\ntoken=home-token\n[defaults]\nurl=https://sentry.corp\n');
      const withHome = await discover({}, false);
      assert.equal(withHome?.token, 'home-token');
      assert.equal(withHome?.url, 'https://sentry.corp');
    });
  });

  it('reads keys named like Object.prototype members as nothing', async () => {
    fs.writeFileSync(workspaceRc, '[constructor]\ntoken=x\n[__proto__]\nurl=https://evil.example\n');
    assert.equal(await discover({}), undefined);
  });
});
