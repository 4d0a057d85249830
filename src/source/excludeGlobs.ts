/**
 * Which workspace files the index leaves out, as one glob for VS Code's file listing and as a test for paths the
 * file watcher reports later, so both agree. `workspace.findFiles` applies `files.exclude` itself when given an
 * exclude pattern, but not `search.exclude`: its patterns (those set to `true`; a `when` clause cannot be
 * expressed as a glob, so such entries are left in) are added here, beside dependency and build-output folders.
 */

export interface ExcludeRules {
  /** One `{a,b,…}` glob for `findFiles`' exclude argument; undefined when there is nothing to add to `files.exclude`. */
  readonly glob: string | undefined;
  /** Whether a path relative to the workspace folder (with `/`) is excluded by a `search.exclude` pattern. */
  excludes(relativePath: string): boolean;
}

/** Expansions of one pattern's `{…}` groups beyond this are not worth a glob: the pattern is left out. */
const MAX_EXPANSIONS = 64;

/** `searchExclude` is the `search.exclude` setting as read (any shape); `ignoredFolders` are folder names. */
export function excludeRules(searchExclude: unknown, ignoredFolders: readonly string[]): ExcludeRules {
  const patterns: string[] = [];
  if (searchExclude !== null && typeof searchExclude === 'object' && !Array.isArray(searchExclude)) {
    for (const [pattern, enabled] of Object.entries(searchExclude)) {
      if (enabled === true && pattern.trim().length > 0) {
        patterns.push(...withoutBraces(pattern.trim()));
      }
    }
  }
  // A comma cannot be written inside the `{…}` list findFiles gets; such rare patterns stay out of the glob.
  const listed = patterns.filter((pattern) => !pattern.includes(','));
  const folders = ignoredFolders.filter((name) => /^[^{}[\],*?/\\]+$/.test(name)).map((name) => `**/${name}/**`);
  const all = [...folders, ...listed.flatMap((pattern) => (pattern.endsWith('/**') ? [pattern] : [pattern, `${pattern}/**`]))];
  const tests = patterns.map(globRegExp);
  return {
    glob: all.length === 0 ? undefined : all.length === 1 ? all[0] : `{${all.join(',')}}`,
    excludes: (relativePath) => {
      if (tests.length === 0) {
        return false;
      }
      const segments = relativePath.split('/');
      for (let end = segments.length; end > 0; end--) {
        const candidate = segments.slice(0, end).join('/');
        if (tests.some((test) => test.test(candidate))) {
          return true;
        }
      }
      return false;
    },
  };
}

/** Every spelling of a pattern with its `{a,b}` groups written out (none when there would be too many). */
export function withoutBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) {
    return [pattern];
  }
  const close = pattern.indexOf('}', open);
  if (close < 0 || pattern.slice(open + 1, close).includes('{')) {
    return [];
  }
  const out: string[] = [];
  for (const choice of pattern.slice(open + 1, close).split(',')) {
    for (const rest of withoutBraces(pattern.slice(close + 1))) {
      out.push(`${pattern.slice(0, open)}${choice}${rest}`);
      if (out.length > MAX_EXPANSIONS) {
        return [];
      }
    }
  }
  return out;
}

/** A glob (`**`, `*`, `?`, `[…]`, no braces) as an anchored regular expression over `/`-separated paths. */
export function globRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const segmentStart = i === 0 || glob[i - 1] === '/';
      const segmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
      if (segmentStart && segmentEnd) {
        // `**/` matches any number of folders, a trailing `/**` anything below.
        if (i + 2 === glob.length) {
          source += '.*';
        } else {
          source += '(?:[^/]*/)*';
          i++;
        }
        i++;
        continue;
      }
      source += '[^/]*';
      i++;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\').replace(/]/g, '\\]');
      source += `[${body}]`;
      i = close;
    } else {
      source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
  }
  if (source.endsWith('/.*')) {
    source = `${source.slice(0, -3)}(?:/.*)?`;
  }
  return new RegExp(`^${source}$`);
}
