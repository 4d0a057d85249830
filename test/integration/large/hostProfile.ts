// Where the extension host's thread spent a span of time, from a V8 CPU profile taken in-process: self time
// summed by the script that ran (ours, the tests', each built-in extension, VS Code's extension host itself).
import { Session } from 'inspector';
import * as path from 'path';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
}

function owner(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const extension = /\/extensions\/([^/]+)\//.exec(url);
  if (extension) return `extension ${extension[1]}`;
  if (url.includes('/dist/extension.js')) return 'Sentry Explorer';
  if (url.includes('/out/test/')) return 'the test';
  if (url.startsWith('node:')) return 'node';
  return path.basename(url.split('?')[0]);
}

/** Runs `work` under the CPU profiler; says where the thread's time went while it ran (largest first, over 5 ms). */
export async function profileHost<T>(work: () => Promise<T>): Promise<{ value: T; where: string }> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 1000 });
  await post(session, 'Profiler.start');
  let value: T;
  let profile: Profile;
  try {
    value = await work();
  } finally {
    profile = (await post<{ profile: Profile }>(session, 'Profiler.stop')).profile;
    session.disconnect();
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  // A native or Node-internal function's time goes to the nearest caller with a script of its own.
  const scripted = (start: ProfileNode): ProfileNode => {
    let node: ProfileNode | undefined = start;
    while (node && (!node.callFrame.url || node.callFrame.url.startsWith('node:'))) {
      const parent = parents.get(node.id);
      node = parent === undefined ? undefined : byId.get(parent);
    }
    return node ?? start;
  };
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Starting and stopping the profiler (it records every compiled function first) is not the span's work.
  const profiling = new Set<number>();
  const isProfiling = (start: ProfileNode): boolean => {
    for (let node: ProfileNode | undefined = start; node; node = byId.get(parents.get(node.id) ?? -1)) {
      if (profiling.has(node.id) || node.callFrame.url.includes('/hostProfile.js')) {
        profiling.add(start.id);
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < samples.length; i++) {
    const sampled = byId.get(samples[i]);
    if (!sampled || isProfiling(sampled)) continue;
    const node = sampled.callFrame.functionName.startsWith('(') ? sampled : scripted(sampled);
    const key = owner(node.callFrame.url, node.callFrame.functionName);
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const where = [...totals]
    .filter(([key, ms]) => key !== '(idle)' && ms >= 5)
    .sort((a, b) => b[1] - a[1])
    .map(([key, ms]) => `${key} ${ms.toFixed(0)}`)
    .join(', ');
  return { value, where: `host CPU ms: ${where || 'none over 5 ms'}` };
}
