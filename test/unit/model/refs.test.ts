import * as assert from 'node:assert/strict';
import { eventRefOf, issueRefOf, projectRefOf, readFrameRef, refOf } from '../../../src/model/refs';

describe('refs: what commands act on, checked at the boundary', () => {
  it('reads each kind of ref, from itself or from a row that gives one', () => {
    const issue = { org: 'demo', issueId: '42' };
    const event = { org: 'demo', project: 'api', eventId: 'abc', issueId: '42' };
    assert.deepEqual(refOf(issue), issue);
    assert.deepEqual(refOf({ id: 'row', ref: issue, parent: {} }), issue);
    assert.deepEqual(refOf(event), event);
    assert.deepEqual(refOf({ org: 'demo', project: 'api' }), { org: 'demo', project: 'api' });
    assert.deepEqual(refOf({ org: 'demo' }), { org: 'demo' });
    assert.deepEqual(issueRefOf({ ref: issue }), issue);
    assert.equal(issueRefOf(event), undefined, 'an event is not an issue');
    assert.equal(projectRefOf(issue), undefined);
  });

  it('copies only known fields and refuses junk, paths and prototypes', () => {
    assert.deepEqual(eventRefOf({ org: 'o', project: 'p', eventId: 'e', extra: '<script>' }), { org: 'o', project: 'p', eventId: 'e' });
    for (const junk of [undefined, null, 'demo/42', 42, [], {}, { org: '' }, { org: '..', issueId: '1' }, { org: 'a b', issueId: '1' }, { org: 'o', issueId: 7 }, { org: 'o', issueId: 'x'.repeat(201) }, Object.create({ org: 'o', issueId: '1' })]) {
      assert.equal(issueRefOf(junk), undefined, JSON.stringify(junk));
    }
    assert.equal(eventRefOf({ org: 'o', project: 'p', eventId: 'e', issueId: '' }), undefined);
  });

  it('reads a frame by stack and index, nothing else', () => {
    assert.deepEqual(readFrameRef({ stack: { kind: 'exception', index: 1 }, frame: 3 }), { stack: { kind: 'exception', index: 1 }, frame: 3 });
    assert.deepEqual(readFrameRef({ stack: { kind: 'stacktrace' }, frame: 0 }), { stack: { kind: 'stacktrace' }, frame: 0 });
    for (const junk of [{ stack: { kind: 'exception' }, frame: 0 }, { stack: { kind: 'thread', index: -1 }, frame: 0 }, { stack: { kind: 'stacktrace' }, frame: 1.5 }, { frame: 0 }]) {
      assert.equal(readFrameRef(junk), undefined, JSON.stringify(junk));
    }
  });
});
