import { readConfig } from '../config';
import { PathMapping, substituteWorkspaceFolder } from '../source';

/** The user's `sentry.pathMappings`, with `${workspaceFolder}` (and `${workspaceFolder:name}`) put in. */
export function userMappings(folders: Array<{ name: string; path: string }>): PathMapping[] {
  const mappings: PathMapping[] = [];
  for (const [from, to] of Object.entries(readConfig().pathMappings)) {
    const local = substituteWorkspaceFolder(to, folders);
    if (local) mappings.push({ from, to: local });
  }
  return mappings;
}
