/**
 * Frames the resolver must not answer by guessing, for the 100,000-file benchmark workspace: frames that name
 * only a file (`helpers.ts` is shared by thousands of files there, `Widget12.ts` by a few), and frames from
 * packages the checkout lacks (`pkg-4NN`), whose path suffix other packages share but whose package folder
 * contradicts them.
 */

import type { Frame } from '../../src/sentry/event/eventModel';

export const ABSENT_PACKAGES = { first: 400, count: 100 };

function frame(fields: Partial<Frame>): Frame {
  return { inApp: true, preContext: [], postContext: [], ...fields };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function bareNameFrames(files: readonly string[], count: number, next: () => number): Frame[] {
  return Array.from({ length: count }, () => {
    const name = baseName(files[Math.floor(next() * files.length)]);
    return next() < 0.5 ? frame({ filename: name }) : frame({ absPath: `webpack:///${name}`, filename: name });
  });
}

/** `root`-relative files are `packages/<pkg>/src/…`: the same path under an absent package. */
export function contradictingFrames(files: readonly string[], root: string, count: number, next: () => number): Frame[] {
  return Array.from({ length: count }, () => {
    const relative = files[Math.floor(next() * files.length)].slice(root.length + 1).split('/');
    const absent = `pkg-${ABSENT_PACKAGES.first + Math.floor(next() * ABSENT_PACKAGES.count)}`;
    const path = ['packages', absent, ...relative.slice(2)].join('/');
    return next() < 0.5 ? frame({ absPath: `webpack:///./${path}` }) : frame({ absPath: `/home/runner/work/mono/mono/${path}` });
  });
}

/** `items` in a deterministic shuffled order. */
export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
