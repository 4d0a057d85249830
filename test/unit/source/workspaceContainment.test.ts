import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from '../../../src/sentry/event/eventModel';
import { FileIndex } from '../../../src/source/fileIndex';
import { FrameResolver } from '../../../src/source/frameResolver';
import { WorkspaceContainment } from '../../../src/source/workspaceContainment';

/** A temporary workspace with symlinks that lead out of it, made with real files on disk. */
describe('WorkspaceContainment (issue 6 point 5): a frame opens only files whose real path is in the workspace', () => {
  let base: string;
  let workspace: string;
  let outside: string;

  before(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'sentry-containment-')));
    workspace = join(base, 'workspace');
    outside = join(base, 'outside');
    mkdirSync(join(workspace, 'src', 'lib'), { recursive: true });
    mkdirSync(join(outside, 'secrets'), { recursive: true });
    writeFileSync(join(workspace, 'src', 'app.ts'), 'export const app = 1;\n');
    writeFileSync(join(workspace, 'src', 'lib', 'real.ts'), 'export const real = 1;\n');
    writeFileSync(join(outside, 'id_rsa.ts'), 'PRIVATE KEY\n');
    writeFileSync(join(outside, 'secrets', 'token.ts'), 'TOKEN\n');
    symlinkSync(join(outside, 'id_rsa.ts'), join(workspace, 'src', 'config.ts'));
    symlinkSync(join(outside, 'secrets'), join(workspace, 'src', 'vendor'), 'dir');
    symlinkSync(join(workspace, 'src', 'lib', 'real.ts'), join(workspace, 'src', 'alias.ts'));
    symlinkSync(join(workspace, 'nowhere.ts'), join(workspace, 'src', 'dangling.ts'));
  });

  after(() => rmSync(base, { recursive: true, force: true }));

  it('refuses a symlinked file that points outside the workspace, with the reason', async () => {
    const result = await new WorkspaceContainment([workspace]).check(join(workspace, 'src', 'config.ts'));
    assert.equal(result.inside, false);
    assert.match(result.inside ? '' : result.reason, /was not opened: it is a link to .*outside\/id_rsa\.ts, outside every workspace folder/);
  });

  it('refuses a file below a symlinked folder that points outside the workspace', async () => {
    const result = await new WorkspaceContainment([workspace]).check(join(workspace, 'src', 'vendor', 'token.ts'));
    assert.equal(result.inside, false);
    assert.match(result.inside ? '' : result.reason, /outside\/secrets\/token\.ts, outside every workspace folder/);
  });

  it('allows plain files and symlinks that stay inside, and says why a dangling link is refused', async () => {
    const containment = new WorkspaceContainment([workspace]);
    assert.deepEqual(await containment.check(join(workspace, 'src', 'app.ts')), { inside: true, realPath: join(workspace, 'src', 'app.ts') });
    assert.equal((await containment.check(join(workspace, 'src', 'alias.ts'))).inside, true);
    const dangling = await containment.check(join(workspace, 'src', 'dangling.ts'));
    assert.equal(dangling.inside, false);
    assert.match(dangling.inside ? '' : dangling.reason, /no longer exists/);
  });

  it('compares with the folders\' real paths, so a workspace opened through a symlink still works', async () => {
    const linkedWorkspace = join(base, 'linked-workspace');
    symlinkSync(workspace, linkedWorkspace, 'dir');
    const containment = new WorkspaceContainment([linkedWorkspace]);
    assert.equal((await containment.check(join(linkedWorkspace, 'src', 'app.ts'))).inside, true);
    assert.equal((await containment.check(join(linkedWorkspace, 'src', 'config.ts'))).inside, false);
  });

  it('reads each folder\'s real path once, and the file\'s at every check', async () => {
    const asked: string[] = [];
    const containment = new WorkspaceContainment([workspace, outside], async (path) => {
      asked.push(path);
      return realpathSync(path);
    });
    await containment.check(join(workspace, 'src', 'app.ts'));
    await containment.check(join(workspace, 'src', 'app.ts'));
    assert.deepEqual(asked.filter((path) => path === workspace || path === outside).length, 2);
    assert.equal(asked.filter((path) => path.endsWith('app.ts')).length, 2);
  });

  it('stops what the resolver matched through a symlinked folder', async () => {
    const files = [join(workspace, 'src', 'app.ts'), join(workspace, 'src', 'vendor', 'token.ts')];
    const resolver = new FrameResolver(new FileIndex([workspace], files));
    const frame: Frame = { absPath: '/srv/app/src/vendor/token.ts', inApp: true, preContext: [], postContext: [] };
    const resolved = resolver.resolve(frame);
    assert.ok(resolved.found && !resolved.ambiguous, 'the index knows the file by its in-workspace path');
    assert.equal((await new WorkspaceContainment([workspace]).check(resolved.path)).inside, false);
  });
});
