/**
 * Go import paths (`github.com/org/repo/pkg/file.go`) name a file inside a repository; dropping the
 * repository part gives the path relative to a checkout of that repository.
 */

const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const SOURCE_EXTENSION = /\.(?:go|py|js|ts|rb|php|java|kt|cs|c|h)$/i;
const THREE_SEGMENT_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org', 'gitea.com', 'golang.org']);

export function isGoModuleHost(segment: string): boolean {
  return DOMAIN.test(segment) && !SOURCE_EXTENSION.test(segment);
}

/** Repository-relative readings of an import path plus file name, most likely first. */
export function repositoryRelativeGoPaths(segments: readonly string[]): string[][] {
  if (segments.length < 2 || !isGoModuleHost(segments[0])) {
    return [];
  }
  const host = segments[0].toLowerCase();
  let drops: number[];
  if (THREE_SEGMENT_HOSTS.has(host)) {
    drops = [3];
  } else if (host === 'gopkg.in') {
    drops = /\.v\d+$/.test(segments[1]) ? [2] : [3];
  } else {
    drops = [2, 3];
  }
  return drops.filter((drop) => segments.length > drop).map((drop) => segments.slice(drop));
}

/** Strips a module-cache version (`repo@v1.2.3`, `repo@v0.0.0-2023…-abc`) from a segment. */
export function withoutModuleVersion(segment: string): string {
  const at = segment.indexOf('@');
  return at < 0 ? segment : segment.slice(0, at);
}
