import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { looksLikeShortId } from '../../../src/sentry/api/openInput';
import { silentLogger } from '../../../src/sentry/http/logger';
import { LatestSearch } from '../../../src/model/latestSearch';
import type { IssueRef } from '../../../src/model/refs';
import { SentryData } from '../../../src/model/sentryData';
import { SentryStore } from '../../../src/model/store';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const ORG = { org: DEMO.organizations.demo.slug };
const DELAY_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('LatestSearch: search as you type against the Sentry test server', () => {
  let server: SentryTestServer;
  let data: SentryData;
  let results: Array<{ query: string; refs: IssueRef[] }>;
  let busy: boolean[];
  let errors: unknown[];
  let search: LatestSearch<IssueRef[]>;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    const client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full });
    data = new SentryData(new SentryStore(), () => client, silentLogger);
    results = [];
    busy = [];
    errors = [];
    search = new LatestSearch<IssueRef[]>(
      async (query, signal) => (await data.listIssues(ORG, { allProjects: true, query, limit: 25, shortIdLookup: looksLikeShortId(query) }, { signal })).items,
      {
        delayMs: DELAY_MS,
        onBusy: (b) => busy.push(b),
        onResult: (query, refs) => results.push({ query, refs }),
        onError: (_query, error) => errors.push(error),
      },
    );
  });
  afterEach(() => search.dispose());

  const issueSearches = () => server.requests.filter((r) => r.path === `/api/0/organizations/${ORG.org}/issues/`);

  it('typing ten characters at a typist\'s pace sends one request, for the whole text', async () => {
    const text = 'API-SERVER';
    for (let i = 1; i <= text.length; i++) {
      search.type(text.slice(0, i));
      await sleep(40);
    }
    assert.equal(issueSearches().length, 0, 'nothing while typing');
    await until(() => results.length === 1, 'the answer');
    await sleep(DELAY_MS * 2);
    const sent = issueSearches();
    assert.equal(sent.length, 1, `one request for ten keystrokes, not ${sent.length}`);
    assert.deepEqual(sent[0].query.query, ['API-SERVER']);
    assert.deepEqual(sent[0].query.project, ['-1'], 'every project of the organization');
    assert.deepEqual(sent[0].query.shortIdLookup, ['1'], 'a short id-looking text asks for the short-id lookup');
    assert.equal(results[0].query, 'API-SERVER');
    assert.ok(results[0].refs.length > 0);
    assert.deepEqual(busy, [true, false]);
  });

  it('a short id finds its issue directly', async () => {
    search.now(DEMO.issues.refundCurrency.shortId.toLowerCase());
    await until(() => results.length === 1, 'the answer');
    assert.deepEqual(results[0].refs, [{ org: ORG.org, issueId: DEMO.issues.refundCurrency.id }]);
  });

  it('a keystroke while a search is in flight aborts its request; only the latest answer is shown', async () => {
    server.inject({ match: 'query=level', delayMs: 1500 });
    search.type('level:error');
    await until(() => issueSearches().length === 1, 'the first request');
    search.type('level:warning');
    await until(() => results.length === 1, 'the second answer');
    const sent = issueSearches();
    assert.equal(sent.length, 2);
    assert.deepEqual(sent[0].query.query, ['level:error']);
    await until(() => sent[0].abandoned === true, 'the server to see the first request hang up', 2000);
    assert.deepEqual(sent[1].query.query, ['level:warning']);
    assert.equal(sent[1].query.shortIdLookup, undefined, 'a search in Sentry syntax does not ask for the short-id lookup');
    await sleep(1600);
    assert.deepEqual(results.map((r) => r.query), ['level:warning'], 'the aborted search never reports');
    assert.deepEqual(errors, [], 'an aborted search is no error');
    assert.deepEqual(busy, [true, false, true, false]);
  });

  it('an answer that arrives after a newer keystroke is dropped, even from a search that ignores the signal', async () => {
    const answers: string[] = [];
    const stubborn = new LatestSearch<string>((query) => sleep(query === 'slow' ? 300 : 10).then(() => query), {
      delayMs: 20,
      onBusy: () => undefined,
      onResult: (query) => answers.push(query),
      onError: () => undefined,
    });
    stubborn.now('slow');
    await sleep(50);
    stubborn.now('fast');
    await sleep(400);
    assert.deepEqual(answers, ['fast']);
    stubborn.dispose();
  });

  it('errors are reported for the latest query only', async () => {
    server.inject({ match: '/issues/', status: 500 });
    search.now('level:fatal');
    await until(() => errors.length === 1, 'the error');
    assert.match(String(errors[0]), /internal error \(500\)/);
    assert.deepEqual(results, []);
  });
});
