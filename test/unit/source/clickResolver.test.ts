import assert from 'node:assert/strict';
import { SentryClient } from '../../../src/sentry/api/client';
import type { Frame } from '../../../src/sentry/event/eventModel';
import { ClickResolver, ClickSource } from '../../../src/source/clickResolver';
import { FileIndex } from '../../../src/source/fileIndex';
import type { FrameResolution, ResolvedFrame } from '../../../src/source/frameResolver';
import { ProjectCodeMappings } from '../../../src/source/projectCodeMappings';
import { DEMO } from '../../fixtures/demo';
import { workspaceFiles } from '../../fixtures/demo/sampleWorkspace';
import { SentryTestServer, startSentryTestServer } from '../../server/sentryTestServer';

const ROOT = '/home/dev/shop';
const ORG = DEMO.organizations.demo.slug;
const WORKER = DEMO.projects.worker;

function frame(fields: Partial<Frame>): Frame {
  return { inApp: true, preContext: [], postContext: [], ...fields };
}

function found(result: FrameResolution): ResolvedFrame {
  assert.ok(result.found && !result.ambiguous, `expected one file, got: ${JSON.stringify(result)}`);
  return result;
}

/** The sample workspace's worker files, as a workspace opened at its root would list them. */
function workerIndex(): FileIndex {
  return new FileIndex([ROOT], workspaceFiles('worker').map((file) => `${ROOT}/${file}`));
}

const sendEmail = frame({ absPath: DEMO.frames.node.absPath, filename: DEMO.frames.node.filename, lineNo: DEMO.frames.node.lineNo });
const workerSource: ClickSource = { org: ORG, projectId: WORKER.id, project: WORKER.slug, platform: 'node' };

describe('ClickResolver with Sentry code mappings over HTTP (issue 6 point 14)', () => {
  let server: SentryTestServer;
  let client: SentryClient;

  before(async () => {
    server = await startSentryTestServer({ port: 0 });
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full, timeoutMs: 5_000, cacheTtlMs: 0 });
  });

  const requestsTo = (fragment: string): number => server.requests.filter((r) => r.path.includes(fragment)).length;

  it('prepared when an event opens, the project\'s code mappings are read before the click, which then asks Sentry nothing', async () => {
    const clicks = new ClickResolver(new ProjectCodeMappings(client));
    await clicks.prepare(workerSource);
    assert.equal(requestsTo('/code-mappings/'), 1);
    server.reset();
    const result = found(await clicks.resolve(sendEmail, workerSource, { index: workerIndex(), mappings: [] }));
    assert.equal(result.method, 'codeMapping');
    assert.deepEqual(server.requests, [], 'the click made no request');
    await new ClickResolver().prepare(workerSource);
    assert.deepEqual(server.requests, [], 'signed out: nothing to read');
  });

  it('reads the project\'s code mappings once: N clicks make 1 code-mappings request and no stacktrace-link request', async () => {
    const clicks = new ClickResolver(new ProjectCodeMappings(client));
    const index = workerIndex();
    const other = frame({ absPath: '/var/task/src/queue/retry.js', lineNo: 12 });
    for (let i = 0; i < 6; i++) {
      const result = found(await clicks.resolve(i % 2 === 0 ? sendEmail : other, workerSource, { index, mappings: [] }));
      assert.equal(result.method, 'codeMapping');
      assert.equal(result.path, i % 2 === 0 ? `${ROOT}/worker/src/jobs/sendEmail.js` : `${ROOT}/worker/src/queue/retry.js`);
    }
    assert.equal(requestsTo('/code-mappings/'), 1);
    assert.equal(requestsTo('/stacktrace-link/'), 0);
    const [listed] = server.requests;
    assert.deepEqual(listed.query.project, [WORKER.id]);
  });

  it('concurrent first clicks share the one request', async () => {
    const clicks = new ClickResolver(new ProjectCodeMappings(client));
    const index = workerIndex();
    await Promise.all([1, 2, 3].map(() => clicks.resolve(sendEmail, workerSource, { index, mappings: [] })));
    assert.equal(requestsTo('/code-mappings/'), 1);
  });

  for (const status of [403, 404]) {
    it(`falls back to stacktrace-link when the code-mappings endpoint is refused (${status}), and asks the list only once`, async () => {
      server.inject({ match: '/code-mappings/', status, times: Infinity });
      const clicks = new ClickResolver(new ProjectCodeMappings(client));
      const index = workerIndex();
      for (const file of ['src/jobs/sendEmail.js', 'src/queue/retry.js', 'src/queue/consumer.js']) {
        const result = found(await clicks.resolve(frame({ absPath: `/var/task/${file}` }), workerSource, { index, mappings: [] }));
        assert.equal(result.method, 'codeMapping', 'found through Sentry\'s stacktrace-link');
        assert.equal(result.path, `${ROOT}/worker/${file}`);
      }
      assert.equal(requestsTo('/code-mappings/'), 1);
      assert.equal(requestsTo('/stacktrace-link/'), 3, 'one per frame, as before code-mappings lists');
    });
  }

  it('asks the list again after a failure that is not a refusal', async () => {
    server.inject({ match: '/code-mappings/', status: 500 });
    const clicks = new ClickResolver(new ProjectCodeMappings(client));
    const index = workerIndex();
    assert.equal(found(await clicks.resolve(sendEmail, workerSource, { index, mappings: [] })).method, 'codeMapping');
    assert.equal(found(await clicks.resolve(sendEmail, workerSource, { index, mappings: [] })).method, 'codeMapping');
    assert.equal(requestsTo('/code-mappings/'), 2);
    assert.equal(requestsTo('/stacktrace-link/'), 1, 'only the click whose list failed asked per frame');
  });

  it('a local-only guess (a file opened ahead of a click) starts no request: it uses a list already read or being read, else none', async () => {
    const clicks = new ClickResolver(new ProjectCodeMappings(client));
    const index = workerIndex();
    const unknown = await clicks.resolve(sendEmail, workerSource, { index, mappings: [], localOnly: true });
    assert.deepEqual(server.requests, [], 'nothing asked while the list is unknown');
    assert.notEqual(unknown.found && !unknown.ambiguous ? unknown.method : 'none', 'codeMapping');

    const preparing = clicks.prepare(workerSource);
    const joined = found(await clicks.resolve(sendEmail, workerSource, { index, mappings: [], localOnly: true }));
    await preparing;
    assert.equal(joined.method, 'codeMapping', 'joined the list being read');
    assert.equal(requestsTo('/code-mappings/'), 1);

    server.reset();
    server.inject({ match: '/code-mappings/', status: 403, times: Infinity });
    const refused = new ClickResolver(new ProjectCodeMappings(client));
    await refused.prepare(workerSource);
    server.reset();
    await refused.resolve(frame({ absPath: '/var/task/src/queue/retry.js' }), workerSource, { index, mappings: [], localOnly: true });
    assert.deepEqual(server.requests, [], 'no per-frame stacktrace-link for a guess');
  });

  it('a project without code mappings costs its one list request, then nothing', async () => {
    const clicks = new ClickResolver(new ProjectCodeMappings(client));
    const api = DEMO.projects.apiServer;
    const index = new FileIndex([ROOT], workspaceFiles('api-server').map((file) => `${ROOT}/${file}`));
    const python = frame({ absPath: DEMO.frames.exact.absPath, filename: DEMO.frames.exact.filename });
    for (let i = 0; i < 3; i++) {
      const result = found(await clicks.resolve(python, { org: ORG, projectId: api.id, project: api.slug }, { index, mappings: [] }));
      assert.equal(result.path, `${ROOT}/${DEMO.frames.exact.localFile}`);
    }
    assert.equal(requestsTo('/code-mappings/'), 1);
    assert.equal(requestsTo('/stacktrace-link/'), 0);
  });
});

describe('ClickResolver: an event\'s other frames are resolved once per event stack (issue 6 point 13)', () => {
  /** A frame that counts how often the resolver reads it. */
  function counted(fields: Partial<Frame>, reads: { count: number }): Frame {
    return new Proxy(frame(fields), {
      get(target, property, receiver) {
        reads.count++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }

  it('does not resolve the sibling frames again on each click, until the index or the mappings change', async () => {
    const index = new FileIndex(['/w'], ['/w/api/ui/format.ts', '/w/web/ui/format.ts', '/w/api/routes/users.ts', '/w/api/db.ts']);
    const reads = { count: 0 };
    const siblings = [counted({ absPath: '/srv/app/api/routes/users.ts' }, reads), counted({ absPath: '/srv/app/api/db.ts' }, reads)];
    const clicked = frame({ filename: 'format.ts' });
    const stack = [...siblings, clicked];
    const clicks = new ClickResolver();
    const click = (source: ClickSource = { siblings: stack }, mappings: Array<{ from: string; to: string }> = []): Promise<FrameResolution> =>
      clicks.resolve(clicked, source, { index, mappings });

    assert.equal(found(await click()).path, '/w/api/ui/format.ts', 'the siblings settled the tie');
    const afterFirst = reads.count;
    assert.ok(afterFirst > 0, 'the first click resolved the siblings');
    for (let i = 0; i < 5; i++) {
      assert.equal(found(await click()).path, '/w/api/ui/format.ts');
    }
    assert.equal(reads.count, afterFirst, 'later clicks on the same event read no sibling frame');

    index.add('/w/api/ui/extra.ts');
    await click();
    assert.ok(reads.count > afterFirst, 'a changed index resolves them again');
    const afterIndexChange = reads.count;
    await click();
    assert.equal(reads.count, afterIndexChange);

    await click({ siblings: stack }, [{ from: '/srv/app/', to: '/w' }]);
    assert.ok(reads.count > afterIndexChange, 'changed path mappings resolve them again');
    const afterMappings = reads.count;
    await click({ siblings: [...stack] });
    assert.ok(reads.count > afterMappings, 'another event\'s stack has its own resolutions');
  });
});
