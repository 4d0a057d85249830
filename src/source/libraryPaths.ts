/**
 * Recognizes paths into installed dependencies — `site-packages`, `node_modules`, gems, the Go module cache,
 * Composer's `vendor`, NuGet, language standard libraries — and splits them into the package's own path.
 */

import { isGoModuleHost, withoutModuleVersion } from './goModulePaths';

export interface LibraryPath {
  /** What marked it, for the user (`site-packages`, `node_modules`, `Go module cache`…). */
  label: string;
  /** Package name and path inside it (`@sentry/browser/esm/helpers.js`): matched as a suffix. */
  packagePath: string[];
  /** Path inside the package (`esm/helpers.js`, `requests/api.py`): a checkout of that package holds it at its root. */
  withinPackage: string[];
  /** Trailing segments a workspace file must share to count as this package's file. */
  minSuffix: number;
}

const GEM_DIRECTORY = /^(.+?)-(?:\d[\w.]*|[0-9a-f]{7,40})$/;
const PYTHON_STDLIB = /^python\d+(?:\.\d+)*$/i;

export function findLibraryPath(segments: readonly string[]): LibraryPath | undefined {
  const extension = extensionOf(segments[segments.length - 1] ?? '');
  for (let i = segments.length - 2; i >= 0; i--) {
    const found = libraryAt(segments, i, extension);
    if (found) {
      return found;
    }
  }
  return undefined;
}

function libraryAt(segments: readonly string[], i: number, extension: string): LibraryPath | undefined {
  const segment = segments[i].toLowerCase();
  const rest = segments.slice(i + 1);
  switch (segment) {
    case 'node_modules': {
      const nameLength = rest[0].startsWith('@') ? 2 : 1;
      return withPackageName('node_modules', rest, rest.slice(nameLength));
    }
    case 'site-packages':
    case 'dist-packages':
      return { label: segment, packagePath: rest, withinPackage: rest, minSuffix: rest.length };
    case 'gems': {
      const gem = GEM_DIRECTORY.exec(rest[0]);
      if (!gem || rest.length < 2) {
        return undefined;
      }
      return withPackageName('Ruby gem', [gem[1], ...rest.slice(1)], rest.slice(1));
    }
    case 'mod':
      return i > 0 && segments[i - 1].toLowerCase() === 'pkg' ? goModuleCache(rest) : undefined;
    case 'vendor':
      return vendored(rest, extension);
    case 'packages':
      if (i > 0 && segments[i - 1].toLowerCase() === '.nuget' && rest.length > 2) {
        return withPackageName('NuGet package', [rest[0], ...rest.slice(2)], rest.slice(2));
      }
      return undefined;
    case 'src':
      return extension === 'go' ? goStandardLibrary(segments, i, rest) : undefined;
    default:
      if (PYTHON_STDLIB.test(segment) && i > 0 && segments[i - 1].toLowerCase() === 'lib' && extension === 'py') {
        return { label: 'Python standard library', packagePath: rest, withinPackage: rest, minSuffix: rest.length };
      }
      return undefined;
  }
}

function goModuleCache(rest: string[]): LibraryPath | undefined {
  const versioned = rest.findIndex((segment) => segment.includes('@'));
  if (versioned < 0 || versioned === rest.length - 1 || rest[0] === 'cache') {
    return undefined;
  }
  const modulePath = rest.slice(0, versioned + 1).map((segment, index) => {
    const name = index === versioned ? withoutModuleVersion(segment) : segment;
    // The module cache spells capitals as `!` + lower case.
    return name.replace(/!([a-z])/g, (_, letter: string) => letter.toUpperCase());
  });
  const inside = rest.slice(versioned + 1);
  return withPackageName('Go module cache', [...modulePath, ...inside], inside);
}

function vendored(rest: string[], extension: string): LibraryPath | undefined {
  if (extension === 'go') {
    return isGoModuleHost(rest[0]) ? withPackageName('Go vendor', rest, rest.slice(3)) : undefined;
  }
  if (extension === 'php' && rest.length > 2) {
    return withPackageName('Composer vendor', rest, rest.slice(2));
  }
  return undefined;
}

function goStandardLibrary(segments: readonly string[], i: number, rest: string[]): LibraryPath | undefined {
  if (rest.length < 2 || isGoModuleHost(rest[0])) {
    return undefined;
  }
  const underGo = segments.slice(0, i).some((segment) => segment.toLowerCase() === 'go' || segment.toLowerCase() === 'goroot');
  return underGo ? { label: 'Go standard library', packagePath: rest, withinPackage: rest, minSuffix: rest.length } : undefined;
}

/** A package whose files are named below its own folder: a match must reach that folder's name. */
function withPackageName(label: string, packagePath: string[], withinPackage: string[]): LibraryPath {
  return { label, packagePath, withinPackage, minSuffix: Math.min(packagePath.length, withinPackage.length + 1) };
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
