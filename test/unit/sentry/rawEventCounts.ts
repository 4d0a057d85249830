/**
 * Counts what a Sentry event JSON holds, read straight from the raw JSON by each form's documented
 * paths — written independently of the parser, so "normalized without loss" is checked against
 * the source, not against the parser's own reading.
 */

export interface StackCounts {
  /** Per frame: "<context lines>/<vars keys>", in order. */
  frames: string[];
}

export interface EventCounts {
  exceptions: number;
  exceptionStacks: StackCounts[];
  rawStacks: StackCounts[];
  bareStack?: StackCounts;
  threadStacks: StackCounts[];
  breadcrumbs: number;
  tags: number;
}

type Json = { [key: string]: unknown };

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function countApiFrame(frame: Json): string {
  const vars = asObject(frame.vars);
  return `${asList(frame.context).length}/${vars ? Object.keys(vars).length : 0}`;
}

function countStoreFrame(frame: Json): string {
  const current = typeof frame.context_line === 'string' ? 1 : 0;
  const lines = asList(frame.pre_context).length + current + asList(frame.post_context).length;
  const vars = asObject(frame.vars);
  return `${lines}/${vars ? Object.keys(vars).length : 0}`;
}

function stack(value: unknown, countFrame: (frame: Json) => string): StackCounts | undefined {
  const trace = asObject(value);
  if (!trace) return undefined;
  return { frames: asList(trace.frames).map((frame) => countFrame(asObject(frame) ?? {})) };
}

export function countApiEvent(event: Json): EventCounts {
  const counts: EventCounts = { exceptions: 0, exceptionStacks: [], rawStacks: [], threadStacks: [], breadcrumbs: 0, tags: 0 };
  counts.tags = asList(event.tags).length;
  for (const item of asList(event.entries)) {
    const entry = asObject(item) ?? {};
    const data = asObject(entry.data) ?? {};
    if (entry.type === 'exception') {
      for (const value of asList(data.values)) {
        const exception = asObject(value) ?? {};
        counts.exceptions++;
        const mapped = stack(exception.stacktrace, countApiFrame);
        if (mapped) counts.exceptionStacks.push(mapped);
        const raw = stack(exception.rawStacktrace, countApiFrame);
        if (raw) counts.rawStacks.push(raw);
      }
    } else if (entry.type === 'stacktrace') {
      const bare = stack(data, countApiFrame);
      if (bare) counts.bareStack = bare;
    } else if (entry.type === 'threads') {
      for (const thread of asList(data.values)) {
        const trace = stack(asObject(thread)?.stacktrace, countApiFrame);
        if (trace) counts.threadStacks.push(trace);
      }
    } else if (entry.type === 'breadcrumbs') {
      counts.breadcrumbs += asList(data.values).length;
    }
  }
  return counts;
}

export function countStoreEvent(event: Json): EventCounts {
  const counts: EventCounts = { exceptions: 0, exceptionStacks: [], rawStacks: [], threadStacks: [], breadcrumbs: 0, tags: 0 };
  const tags = event.tags;
  counts.tags = Array.isArray(tags) ? asList(tags).length : Object.keys(asObject(tags) ?? {}).length;
  const exception = event.exception ?? event['sentry.interfaces.Exception'];
  const values = Array.isArray(exception) ? asList(exception) : asList(asObject(exception)?.values);
  for (const value of values) {
    const item = asObject(value) ?? {};
    counts.exceptions++;
    const mapped = stack(item.stacktrace, countStoreFrame);
    if (mapped) counts.exceptionStacks.push(mapped);
    const raw = stack(item.raw_stacktrace, countStoreFrame);
    if (raw) counts.rawStacks.push(raw);
  }
  const bare = stack(event.stacktrace ?? event['sentry.interfaces.Stacktrace'], countStoreFrame);
  if (bare) counts.bareStack = bare;
  const threads = event.threads;
  for (const thread of Array.isArray(threads) ? asList(threads) : asList(asObject(threads)?.values)) {
    const trace = stack(asObject(thread)?.stacktrace, countStoreFrame);
    if (trace) counts.threadStacks.push(trace);
  }
  const crumbs = event.breadcrumbs ?? event['sentry.interfaces.Breadcrumbs'];
  counts.breadcrumbs = Array.isArray(crumbs) ? asList(crumbs).length : asList(asObject(crumbs)?.values).length;
  return counts;
}
