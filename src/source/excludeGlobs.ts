/**
 * Which workspace files the index leaves out: what `files.exclude` and `search.exclude` exclude (entries set to
 * `true`, and `when` entries whose sibling exists), and dependency / build-output / VCS folders by name. The
 * listing asks for each entry as it walks down (a folder left out is not entered), the file watcher for each
 * path it reports, so both agree.
 */

export interface ExcludeRules {
  /**
   * Whether an entry met on a walk is left out, its folders having been let in already. `hasSibling` tells
   * whether its folder holds another entry of that name (for `when` clauses).
   */
  excludesEntry(relativePath: string, isFolder: boolean, hasSibling: (name: string) => boolean): boolean;
  /** Whether a path (relative to its workspace folder, with `/`) the watcher reports is left out, or one of its folders is. */
  excludes(relativePath: string): boolean;
  /** Whether `excludesEntry` ever asks `hasSibling`. */
  readonly readsSiblings: boolean;
}

/** Expansions of one pattern's `{…}` groups beyond this are not worth it: the pattern is left out. */
const MAX_EXPANSIONS = 64;

interface WhenPattern {
  test: RegExp;
  /** The sibling's name, with `$(basename)` for the entry's name without its extension. */
  sibling: string;
}

/** `settings` are `files.exclude` and `search.exclude` as read (any shape); `ignoredFolders` are folder names. */
export function excludeRules(settings: readonly unknown[], ignoredFolders: readonly string[]): ExcludeRules {
  const plain: string[] = [];
  const when: WhenPattern[] = [];
  for (const setting of settings) {
    if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) {
      continue;
    }
    for (const [key, value] of Object.entries(setting)) {
      const spellings = key.trim().length > 0 ? withoutBraces(key.trim()) : [];
      if (value === true) {
        plain.push(...spellings);
      } else if (value !== null && typeof value === 'object' && 'when' in value && typeof value.when === 'string') {
        const sibling = value.when;
        when.push(...spellings.map((pattern) => ({ test: globRegExp(pattern), sibling })));
      }
    }
  }
  // Most patterns only name the entry (`**/node_modules`, `**/*.code-search`): tested on the name, not by a regular expression.
  const names = new Set<string>();
  const endings: string[] = [];
  const others: string[] = [];
  for (const pattern of plain) {
    const name = /^\*\*\/([^*?[\]/\\]+)$/.exec(pattern)?.[1];
    const ending = /^\*\*\/\*([^*?[\]/\\]+)$/.exec(pattern)?.[1];
    if (name !== undefined) names.add(name);
    else if (ending !== undefined) endings.push(ending);
    else others.push(pattern);
  }
  const combined = others.length > 0 ? new RegExp(others.map((pattern) => globRegExp(pattern).source).join('|')) : undefined;
  const matches = (relativePath: string): boolean => {
    const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
    return names.has(name) || endings.some((ending) => name.endsWith(ending)) || (combined?.test(relativePath) ?? false);
  };
  const ignored = new Set(ignoredFolders.map((name) => name.toLowerCase()));
  const folderIgnored = (relativePath: string): boolean => ignored.has(relativePath.slice(relativePath.lastIndexOf('/') + 1).toLowerCase());
  return {
    readsSiblings: when.length > 0,
    excludesEntry: (relativePath, isFolder, hasSibling) => {
      if ((isFolder && folderIgnored(relativePath)) || matches(relativePath)) {
        return true;
      }
      if (when.length === 0 || isFolder) {
        return false;
      }
      const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
      const dot = name.lastIndexOf('.');
      const base = dot > 0 ? name.slice(0, dot) : name;
      return when.some((pattern) => pattern.test.test(relativePath) && hasSibling(pattern.sibling.replace(/\$\(basename\)/g, base)));
    },
    excludes: (relativePath) => {
      const segments = relativePath.split('/');
      for (let end = 1; end <= segments.length; end++) {
        const prefix = segments.slice(0, end).join('/');
        if ((end < segments.length && folderIgnored(prefix)) || matches(prefix)) {
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
      const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      source += `[${body}]`;
      i = close;
    } else {
      source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
    }
  }
  if (source.endsWith('/.*')) {
    source = `${source.slice(0, -3)}(?:/.*)?`;
  }
  return new RegExp(`^(?:${source})$`);
}
