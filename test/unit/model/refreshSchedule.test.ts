import * as assert from 'node:assert/strict';
import { RefreshSchedule } from '../../../src/model/refreshSchedule';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RefreshSchedule: the status bar\'s periodic count (no VS Code)', () => {
  let runs: number;
  let schedule: RefreshSchedule;

  beforeEach(() => (runs = 0));
  afterEach(() => schedule.dispose());

  it('nothing runs until asked (never at activation); then every interval while focused', async () => {
    schedule = new RefreshSchedule(() => runs++, 60, true);
    await sleep(150);
    assert.equal(runs, 0, 'no refresh before the first refreshNow()');
    schedule.refreshNow();
    assert.equal(runs, 1);
    await sleep(200);
    assert.ok(runs >= 3 && runs <= 5, `about one run per interval, saw ${runs}`);
  });

  it('no run while the window is unfocused; one (not one per missed turn) when focus returns', async () => {
    schedule = new RefreshSchedule(() => runs++, 40, false);
    schedule.refreshNow();
    await sleep(200);
    assert.equal(runs, 0, 'unfocused: nothing');
    assert.ok(schedule.isOwed);
    schedule.setFocused(true);
    assert.equal(runs, 1, 'the missed turns add up to one');
    schedule.setFocused(false);
    await sleep(120);
    assert.equal(runs, 1);
  });

  it('pause stops it, and forgets a turn owed', async () => {
    schedule = new RefreshSchedule(() => runs++, 40, false);
    schedule.refreshNow();
    schedule.pause();
    schedule.setFocused(true);
    await sleep(120);
    assert.equal(runs, 0);
  });

  it('a new interval applies from then on', async () => {
    schedule = new RefreshSchedule(() => runs++, 10_000, true);
    schedule.refreshNow();
    schedule.setInterval(40);
    await sleep(150);
    assert.ok(runs >= 3, `runs every 40 ms now, saw ${runs}`);
  });
});
