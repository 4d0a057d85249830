/**
 * The last check before a frame opens a file: its real path (every symlink resolved) must lie inside the real
 * path of a workspace folder. The file index knows files by their in-workspace spelling, so a symlink in the
 * workspace that points elsewhere would otherwise open a file outside every folder.
 */

import { realpath as fsRealpath } from 'node:fs/promises';
import { isInsideRoot, normalizeLocalPath } from './pathSafety';

export type Containment = { inside: true; realPath: string } | { inside: false; reason: string };

export type RealPath = (path: string) => Promise<string>;

export class WorkspaceContainment {
  private folderRealPaths: Promise<string[]> | undefined;

  /**
   * `folders`: the workspace folders' paths. `caseInsensitive`: compare ignoring case (Windows and macOS file
   * systems); by default on those platforms.
   */
  constructor(
    private readonly folders: readonly string[],
    private readonly realpath: RealPath = fsRealpath,
    private readonly caseInsensitive = process.platform === 'win32' || process.platform === 'darwin',
  ) {}

  async check(path: string): Promise<Containment> {
    let real: string | undefined;
    try {
      real = normalizeLocalPath(await this.realpath(path));
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      const why = code === 'ENOENT' ? 'it no longer exists (or is a link to nothing)' : 'its real location could not be read';
      return { inside: false, reason: `${path} was not opened: ${why}.` };
    }
    if (real === undefined) {
      return { inside: false, reason: `${path} was not opened: its real location could not be read.` };
    }
    const roots = await this.roots();
    if (roots.some((root) => isInsideRoot(real, root, this.caseInsensitive))) {
      return { inside: true, realPath: real };
    }
    return { inside: false, reason: `${path} was not opened: it is a link to ${real}, outside every workspace folder.` };
  }

  /** The folders' real paths, read once; a folder that cannot be read is left out (nothing opens through it). */
  private roots(): Promise<string[]> {
    this.folderRealPaths ??= Promise.all(
      this.folders.map(async (folder) => {
        try {
          return normalizeLocalPath(await this.realpath(folder));
        } catch {
          return undefined;
        }
      }),
    ).then((paths) => paths.filter((path): path is string => path !== undefined));
    return this.folderRealPaths;
  }
}
