import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ApiEntry, ApiEvent, ApiFrame } from '../../server/apiTypes';
import { IssueRecord, ServerData } from '../../server/serverData';
import { DEMO, demoServerData, sampleWorkspacePath } from '../../fixtures/demo';

type FrameCase = keyof typeof DEMO.frames;

function allIssues(data: ServerData, orgSlug?: string): IssueRecord[] {
  return data.organizations
    .filter((o) => orgSlug === undefined || o.organization.slug === orgSlug)
    .flatMap((o) => o.projects.flatMap((p) => p.issues));
}

function issueOf(data: ServerData, id: string): IssueRecord {
  const record = allIssues(data).find((r) => r.issue.id === id);
  assert.ok(record, `issue ${id}`);
  return record;
}

function framesOf(event: ApiEvent): ApiFrame[] {
  return event.entries.flatMap((entry: ApiEntry) => {
    if (entry.type === 'exception') return entry.data.values.flatMap((v) => v.stacktrace?.frames ?? []);
    if (entry.type === 'threads') return entry.data.values.flatMap((t) => t.stacktrace?.frames ?? []);
    return [];
  });
}

function localLines(file: string): string[] {
  return readFileSync(join(sampleWorkspacePath(), ...file.split('/')), 'utf8').split('\n');
}

describe('demo data', () => {
  const data = demoServerData();

  function caseFrame(name: FrameCase): ApiFrame {
    const spec = DEMO.frames[name];
    const { events } = issueOf(data, DEMO.issues[spec.issue].id);
    const event = Array.from({ length: events.length }, (_, i) => events.at(i)).find((e) => e?.eventID === spec.eventId);
    assert.ok(event, `${name}: event ${spec.eventId}`);
    const found = framesOf(event).find((f) => f.function === spec.function && f.absPath === spec.absPath);
    assert.ok(found, `${name}: ${spec.function} in ${spec.absPath}`);
    assert.equal(found.lineNo, spec.lineNo);
    assert.equal(found.filename, spec.filename);
    assert.equal(found.module, spec.module);
    return found;
  }

  const contextLine = (frame: ApiFrame): string | undefined => frame.context.find(([n]) => n === frame.lineNo)?.[1];

  it('has the counts DEMO promises', () => {
    const api = allIssues(data).filter((r) => r.issue.project.id === DEMO.projects.apiServer.id);
    assert.equal(api.length, DEMO.counts.apiServerIssues);
    assert.equal(api.filter((r) => r.issue.status === 'unresolved').length, DEMO.counts.apiServerUnresolved);
    assert.equal(api.filter((r) => r.issue.status === 'resolved').length, DEMO.counts.apiServerResolved);
    assert.equal(api.filter((r) => r.issue.status === 'ignored').length, DEMO.counts.apiServerIgnored);
    assert.equal(allIssues(data, DEMO.organizations.demo.slug).length, DEMO.counts.demoOrgIssues);
    assert.equal(allIssues(data, DEMO.organizations.acme.slug).length, DEMO.counts.acmeIssues);
    for (const [name, spec] of Object.entries(DEMO.issues)) {
      const record = issueOf(data, spec.id);
      assert.equal(record.issue.shortId, spec.shortId, name);
      assert.equal(record.issue.project.slug, spec.project, name);
      assert.equal(record.events.length, spec.eventCount, name);
      assert.equal(record.events.at(0)?.eventID, spec.latestEventId, name);
    }
    const levels = new Set(allIssues(data).map((r) => r.issue.level));
    assert.deepEqual([...levels].sort(), ['error', 'fatal', 'info', 'warning']);
  });

  it('(a) an exact python frame: its context equals the local file around lineNo', () => {
    const frame = caseFrame('exact');
    const lines = localLines(DEMO.frames.exact.localFile);
    for (const [n, code] of frame.context) assert.equal(code, lines[n - 1], `line ${n}`);
    assert.equal(frame.context.length, 11);
  });

  it('(b) a moved frame: the same context, 7 lines further down in the local file', () => {
    const spec = DEMO.frames.moved;
    const frame = caseFrame('moved');
    const lines = localLines(spec.localFile);
    assert.notEqual(lines[spec.lineNo - 1], contextLine(frame));
    assert.equal(lines[spec.localLine - 1], contextLine(frame));
    assert.ok(frame.context[0][0] >= spec.insertedAt, 'the insertion is above the whole context window');
    for (const [n, code] of frame.context) assert.equal(code, lines[n - 1 + spec.shift], `line ${n}`);
  });

  it('(c) a differing frame: its context line exists nowhere in the local file', () => {
    const frame = caseFrame('differs');
    assert.equal(contextLine(frame), DEMO.frames.differs.contextLine);
    assert.ok(!localLines(DEMO.frames.differs.localFile).includes(DEMO.frames.differs.contextLine));
  });

  it('(d) unmapped frames: a vendored in-app file and a site-packages library file, neither in the workspace', () => {
    for (const name of ['unmapped', 'library'] as const) {
      const frame = caseFrame(name);
      assert.equal(frame.inApp, DEMO.frames[name].inApp);
      assert.ok(frame.context.length > 0);
      assert.ok(!existsSync(join(sampleWorkspacePath(), 'api-server', DEMO.frames[name].filename)));
    }
  });

  it('(e, f, g) node, browser and java frames point at workspace files with matching context', () => {
    for (const name of ['node', 'nodeAppPrefix', 'browser', 'java'] as const) {
      const spec = DEMO.frames[name];
      const frame = caseFrame(name);
      assert.equal(contextLine(frame), localLines(spec.localFile)[spec.localLine - 1], name);
    }
    const cart = issueOf(data, DEMO.issues.cartPrice.id).events.at(0);
    const exception = cart?.entries.find((e) => e.type === 'exception');
    assert.ok(exception?.type === 'exception');
    const raw = exception.data.values[0].rawStacktrace?.frames ?? [];
    assert.ok(raw.some((f) => f.absPath === DEMO.frames.browser.minifiedAbsPath && (f.context[1]?.[1] ?? '').includes('{snip}')));
  });

  it('(h, i) a chained exception, a message-only event and a threads-only event', () => {
    const chained = issueOf(data, DEMO.issues.duplicateUser.id).events.at(0);
    const values = chained?.entries.find((e) => e.type === 'exception');
    assert.ok(values?.type === 'exception');
    assert.equal(values.data.values.length, 2);
    const frames = values.data.values.flatMap((v) => v.stacktrace?.frames ?? []);
    assert.ok(frames.some((f) => f.inApp) && frames.some((f) => !f.inApp));
    const message = issueOf(data, DEMO.issues.webhookSignature.id).events.at(0);
    assert.deepEqual(message?.entries.map((e) => e.type), ['message']);
    const threads = issueOf(data, DEMO.issues.captureWatchdog.id).events.at(0);
    assert.deepEqual(threads?.entries.map((e) => e.type), ['threads']);
  });

  it('is dated 2026 (no clock), and under 1 MB', () => {
    const text = JSON.stringify(data);
    assert.ok(text.length < 1_000_000, `${text.length} bytes`);
    const dates = allIssues(data).flatMap((r) => [r.issue.lastSeen, r.events.at(0)?.dateCreated ?? '']);
    for (const date of dates) assert.match(date, /^2026-/);
    const bulk = issueOf(data, DEMO.issues.redisBulk.id).events;
    assert.equal(bulk.at(4999)?.dateCreated, '2026-02-20T04:46:30Z');
  });
});
