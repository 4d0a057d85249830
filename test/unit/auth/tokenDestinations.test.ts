import * as assert from 'node:assert/strict';
import type { CredentialOrigin } from '../../../src/auth/credentialDiscovery';
import { destinationQuestionText } from '../../../src/views/destinationQuestion';
import { DecisionStore, DestinationQuestion, TokenDestinations } from '../../../src/auth/tokenDestinations';
import { signOutQuestionText } from '../../../src/commands/signOutQuestion';

/** VS Code's global state, as a map. */
class MemoryStore implements DecisionStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

/** The user: answers with `answer` and counts the questions. */
class User {
  readonly questions: DestinationQuestion[] = [];
  constructor(public answer: boolean | undefined) {}
  readonly ask = async (question: DestinationQuestion): Promise<boolean | undefined> => {
    this.questions.push(question);
    await new Promise((r) => setTimeout(r, 5));
    return this.answer;
  };
}

const ENV: CredentialOrigin = { kind: 'environment', variable: 'SENTRY_AUTH_TOKEN' };
const HOME: CredentialOrigin = { kind: 'homeFile', file: '/home/me/.sentryclirc' };
const REPO: CredentialOrigin = { kind: 'workspaceFile', file: '/src/cloned/.sentryclirc' };
const EVIL = 'https://collector.evil.example';

describe('TokenDestinations (a token goes only where the same place said)', () => {
  it('asks nothing when the URL came from the same place as the token, or from the user', async () => {
    const user = new User(false);
    const destinations = new TokenDestinations(new MemoryStore(), user.ask);
    assert.equal(await destinations.allows({ url: EVIL, tokenOrigin: ENV, urlOrigin: { kind: 'environment', variable: 'SENTRY_URL' } }), true);
    assert.equal(await destinations.allows({ url: EVIL, tokenOrigin: REPO, urlOrigin: REPO }), true);
    assert.equal(await destinations.allows({ url: 'https://sentry.io', tokenOrigin: ENV, urlOrigin: { kind: 'default' } }), true);
    assert.equal(await destinations.allows({ url: EVIL, tokenOrigin: ENV, urlOrigin: HOME }), true);
    assert.equal(user.questions.length, 0);
  });

  it('asks once before a token from elsewhere goes to a URL the workspace names, and remembers the answer per URL', async () => {
    const store = new MemoryStore();
    const user = new User(false);
    const destinations = new TokenDestinations(store, user.ask);
    const credentials = { url: EVIL, tokenOrigin: ENV, urlOrigin: REPO };
    assert.equal(await destinations.allows(credentials), false);
    assert.deepEqual(user.questions, [{ url: EVIL, urlSource: '/src/cloned/.sentryclirc', tokenSource: 'SENTRY_AUTH_TOKEN' }]);
    assert.equal(await destinations.allows(credentials), false);
    assert.equal(await destinations.allows({ ...credentials, tokenOrigin: HOME }), false);
    assert.equal(user.questions.length, 1, 'asked once');

    // Another window (same global state) does not ask either.
    const later = new User(true);
    assert.equal(await new TokenDestinations(store, later.ask).allows(credentials), false);
    assert.equal(later.questions.length, 0);

    // Another URL is another question.
    user.answer = true;
    assert.equal(await destinations.allows({ ...credentials, url: 'https://sentry.corp' }), true);
    assert.equal(user.questions.length, 2);
    assert.equal(destinations.decisionFor('https://sentry.corp'), true);
  });

  it('asks one question for loads that want it at the same time', async () => {
    const user = new User(true);
    const destinations = new TokenDestinations(new MemoryStore(), user.ask);
    const credentials = { url: EVIL, tokenOrigin: ENV, urlOrigin: REPO };
    assert.deepEqual(await Promise.all([destinations.allows(credentials), destinations.allows(credentials)]), [true, true]);
    assert.equal(user.questions.length, 1);
  });

  it('a dismissed question refuses for now without remembering; Ask Again (forget) asks anew', async () => {
    const store = new MemoryStore();
    const user = new User(undefined);
    const destinations = new TokenDestinations(store, user.ask);
    const credentials = { url: EVIL, tokenOrigin: ENV, urlOrigin: REPO };
    assert.equal(await destinations.allows(credentials), false);
    assert.equal(await destinations.allows(credentials), false);
    assert.equal(user.questions.length, 1, 'not asked on every tree load');
    assert.equal(destinations.decisionFor(EVIL), undefined);
    await destinations.forget(EVIL);
    user.answer = true;
    assert.equal(await destinations.allows(credentials), true);
    assert.equal(user.questions.length, 2);
    await destinations.forget(EVIL);
    assert.equal(destinations.decisionFor(EVIL), undefined);
  });

  it('ignores damaged stored answers', async () => {
    const store = new MemoryStore();
    store.values.set('sentry.tokenDestinations', { [EVIL]: 'yes', ['__proto__']: true });
    const user = new User(false);
    assert.equal(await new TokenDestinations(store, user.ask).allows({ url: EVIL, tokenOrigin: ENV, urlOrigin: REPO }), false);
    assert.equal(user.questions.length, 1);
  });
});

describe('the questions the user is asked', () => {
  const NOTIFICATION_LINK = /\]\(/;

  it('the destination question names the host and where the token came from, with nothing live', () => {
    const text = destinationQuestionText({
      url: 'https://collector.evil.example',
      urlSource: '/src/[Trust me](command:workbench.action.terminal.new)/.sentryclirc',
      tokenSource: 'SENTRY_AUTH_TOKEN',
    });
    assert.equal(text.message, 'Send your Sentry token to collector.evil.example?');
    assert.match(text.detail, /names https:\/\/collector\.evil\.example as the Sentry server, but the token comes from SENTRY_AUTH_TOKEN/);
    assert.match(text.detail, /remembered for https:\/\/collector\.evil\.example/);
    for (const part of Object.values(text)) assert.ok(!NOTIFICATION_LINK.test(part), part);
  });

  it('Sign Out says the token stays where it is and offers to ignore it here', () => {
    const env = signOutQuestionText({ kind: 'environment', variable: 'SENTRY_AUTH_TOKEN' }, 'SENTRY_AUTH_TOKEN');
    assert.match(env.detail, /environment variable SENTRY_AUTH_TOKEN/);
    assert.match(env.detail, /cannot remove it from there/);
    assert.match(env.detail, /ignore it in this workspace/);
    assert.equal(env.ignore, 'Ignore It in This Workspace');
    const file = signOutQuestionText({ kind: 'workspaceFile', file: '/w/.sentryclirc' }, '/w/[x](command:y)/.sentryclirc');
    assert.match(file.detail, /does not edit that file/);
    assert.ok(!NOTIFICATION_LINK.test(file.detail), file.detail);
  });
});
