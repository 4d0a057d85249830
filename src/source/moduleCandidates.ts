/**
 * Paths implied by a frame's `module`: Python dotted modules, JVM fully-qualified classes (with the frame's
 * file name), Go import paths.
 */

import { repositoryRelativeGoPaths } from './goModulePaths';
import { extensionOf } from './libraryPaths';
import { PathCandidate } from './pathCandidate';
import { areSafeSegments, splitPathSegments } from './pathSafety';

export type FrameLanguage = 'python' | 'jvm' | 'go' | 'other';

export interface ModuleInput {
  module?: string;
  /** Base name of the frame's file, when it has one. */
  fileName?: string;
  language: FrameLanguage;
}

const JVM_EXTENSIONS = new Set(['java', 'kt', 'kts', 'scala', 'groovy', 'clj', 'cljc']);
const JVM_PLATFORMS = new Set(['java', 'kotlin', 'scala', 'groovy', 'clojure', 'android']);
const PYTHON_MODULE = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const JVM_NAME_PART = /^[A-Za-z_][\w-]*$/;

export function frameLanguage(platform: string | undefined, fileNames: readonly string[]): FrameLanguage {
  const extensions = fileNames.map(extensionOf);
  const lowerPlatform = platform?.toLowerCase();
  if (lowerPlatform === 'python' || extensions.includes('py')) {
    return 'python';
  }
  if ((lowerPlatform !== undefined && JVM_PLATFORMS.has(lowerPlatform)) || extensions.some((e) => JVM_EXTENSIONS.has(e))) {
    return 'jvm';
  }
  if (lowerPlatform === 'go' || extensions.includes('go')) {
    return 'go';
  }
  return 'other';
}

export function moduleCandidates(input: ModuleInput): PathCandidate[] {
  const module = input.module;
  if (module === undefined) {
    return [];
  }
  switch (input.language) {
    case 'python':
      return pythonModule(module);
    case 'jvm':
      return jvmClass(module, input.fileName);
    case 'go':
      return goPackage(module, input.fileName);
    default:
      return [];
  }
}

function pythonModule(module: string): PathCandidate[] {
  if (!PYTHON_MODULE.test(module) || module === '__main__') {
    return [];
  }
  const parts = module.split('.');
  const asFile = [...parts.slice(0, -1), `${parts[parts.length - 1]}.py`];
  const asPackage = [...parts, '__init__.py'];
  return [asFile, asPackage]
    .filter(areSafeSegments)
    .map((segments) => candidate(segments, true, 'Python module'));
}

function jvmClass(module: string, fileName: string | undefined): PathCandidate[] {
  const className = module.split('$')[0];
  const parts = className.split('.');
  if (parts.length === 0 || !parts.every((part) => JVM_NAME_PART.test(part))) {
    return [];
  }
  const packageParts = parts.slice(0, -1);
  const simpleName = parts[parts.length - 1];
  const hasRealFileName = fileName !== undefined && extensionOf(fileName) !== '' && JVM_EXTENSIONS.has(extensionOf(fileName));
  const fileNames = hasRealFileName ? [fileName] : [`${simpleName}.java`, `${simpleName}.kt`];
  const isClojure = hasRealFileName && extensionOf(fileName).startsWith('clj');
  const directories = isClojure ? packageParts.map((part) => part.replace(/-/g, '_')) : packageParts;
  return fileNames
    .map((name) => [...directories, name])
    .filter(areSafeSegments)
    .map((segments) => candidate(segments, true, 'JVM package'));
}

function goPackage(module: string, fileName: string | undefined): PathCandidate[] {
  if (fileName === undefined || module === 'main' || !module.includes('/')) {
    return [];
  }
  const full = [...splitPathSegments(module), fileName];
  if (!areSafeSegments(full)) {
    return [];
  }
  const inRepository = repositoryRelativeGoPaths(full)
    .filter(areSafeSegments)
    .map((segments) => candidate(segments, true, 'Go package path'));
  return [...inRepository, candidate(full, false, 'Go import path')];
}

function candidate(segments: string[], rootRelative: boolean, rule: string): PathCandidate {
  return { segments, rootRelative, library: false, caseInsensitive: false, field: 'module', rule };
}
