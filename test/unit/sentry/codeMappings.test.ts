import * as assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import { NotSentryError, PermissionError } from '../../../src/sentry/http/errors';
import { DEMO } from '../../fixtures/demo';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

describe('SentryClient.listCodeMappings over HTTP', () => {
  let server: SentryTestServer;
  let client: SentryClient;
  const org = DEMO.organizations.demo.slug;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full, timeoutMs: 5_000 });
  });

  it("reads a project's code mappings (stackRoot → sourceRoot) in one request", async () => {
    const mappings = await client.listCodeMappings(org, DEMO.projects.worker.id);
    assert.deepEqual(mappings, [
      {
        id: '71',
        projectId: DEMO.projects.worker.id,
        stackRoot: DEMO.codeMapping.stackRoot,
        sourceRoot: DEMO.codeMapping.sourceRoot,
        repoName: DEMO.codeMapping.repoName,
        defaultBranch: DEMO.codeMapping.defaultBranch,
      },
    ]);
    assert.deepEqual(await client.listCodeMappings(org, DEMO.projects.apiServer.id), []);
    const asked = server.requests.filter((r) => r.path === `/api/0/organizations/${org}/code-mappings/`);
    assert.equal(asked.length, 2);
    assert.deepEqual(asked[0].query.project, [DEMO.projects.worker.id]);
  });

  it('keeps items with both roots as strings, empty ones included, and skips the rest', async () => {
    const body = JSON.stringify([
      { id: 1, stackRoot: '', sourceRoot: '' },
      { id: 2, stackRoot: 'app:///', sourceRoot: 'web/' },
      { id: 3, stackRoot: null, sourceRoot: 'x/' },
      { id: 4, stackRoot: '/a/', sourceRoot: 7 },
      'not a mapping',
    ]);
    server.inject({ match: '/code-mappings/', body });
    const mappings = await client.listCodeMappings(org, '1');
    assert.deepEqual(mappings.map((m) => [m.id, m.stackRoot, m.sourceRoot]), [['1', '', ''], ['2', 'app:///', 'web/']]);
  });

  it('reports a refusal as a typed error, and a non-list as not Sentry', async () => {
    server.inject({ match: '/code-mappings/', status: 403 });
    await assert.rejects(client.listCodeMappings(org, DEMO.projects.worker.id), PermissionError);
    server.inject({ match: '/code-mappings/', body: '{"detail": "nope"}' });
    await assert.rejects(client.listCodeMappings(org, '2'), NotSentryError);
  });
});
