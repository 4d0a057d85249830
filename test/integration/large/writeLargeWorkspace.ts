import * as fs from 'fs';
import * as path from 'path';
import { LARGE_SETTINGS, LargeWorkspaceSpec } from './largeWorkspaceSpec';

/**
 * Writes the generated monorepo into `dir`: the frames' files with their source, the decoys with the same
 * source, every other file empty (its name is all the index reads). Returns how long it took, in seconds.
 */
export function writeLargeWorkspace(dir: string, spec: LargeWorkspaceSpec): number {
  const started = Date.now();
  const contents = new Map<string, string>();
  for (const target of Object.values(spec.targets)) {
    contents.set(target.path, `${target.lines.join('\n')}\n`);
  }
  const component = contents.get(spec.targets.component.path) ?? '';
  for (const decoy of spec.decoys) {
    contents.set(decoy, component);
  }
  const folders = new Set<string>();
  for (const file of [...spec.files, '.vscode/settings.json']) {
    const folder = path.join(dir, path.dirname(file));
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
  }
  for (const file of spec.files) {
    fs.writeFileSync(path.join(dir, file), contents.get(file) ?? '');
  }
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), `${JSON.stringify(LARGE_SETTINGS, null, 2)}\n`);
  return (Date.now() - started) / 1000;
}
