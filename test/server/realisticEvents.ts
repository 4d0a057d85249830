import { ApiBreadcrumb, ApiEvent, ApiFrame, JsonObject } from './apiTypes';
import { EventSource } from './serverData';
import { buildEvent, exceptionEntry, exceptionValue, release, user } from '../fixtures/demo/eventBuilder';
import { frame } from '../fixtures/demo/frames';
import { SeededRandom } from '../fixtures/demo/ids';

/**
 * An issue's events generated one at a time from a seed, like sentry.io serves them: whole API-form
 * events of 5 to 50 KB (frames with source context and variables, breadcrumbs, a request, extra
 * data), the same on every run, and never all in memory: `at(i)` builds event i on demand, and its
 * time and environment are known without building it (for range filters over 100,000 events).
 */
export interface GeneratedEventsSpec {
  issueId: string;
  projectId: string;
  count: number;
  seed: number;
  /** Time of event `index` (0 = newest), epoch ms; never increasing with the index. */
  timeAt(index: number): number;
  /** Default: one event in seven is `staging`, the others `production`. */
  environmentAt?(index: number): string;
}

export interface GeneratedEvents extends EventSource {
  timeAt(index: number): number;
  environmentAt(index: number): string;
  eventIdAt(index: number): string;
}

const MIN_BYTES = 5 * 1024;
const MAX_BYTES = 49 * 1024;

/** Evenly spaced times: newest at `newestMs`, then one every `spacingMs`. */
export function evenlySpaced(newestMs: number, spacingMs: number): (index: number) => number {
  return (index) => newestMs - index * spacingMs;
}

export function generatedEvents(spec: GeneratedEventsSpec): GeneratedEvents {
  const prefix = (spec.seed >>> 0).toString(16).padStart(8, '0');
  const eventId = (index: number) => prefix + index.toString(16).padStart(24, '0');
  const environmentAt = spec.environmentAt ?? ((index: number) => (index % 7 === 3 ? 'staging' : 'production'));
  const check = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= spec.count) throw new RangeError(`event index ${index} out of 0..${spec.count - 1}`);
  };
  return {
    length: spec.count,
    timeAt: (index) => {
      check(index);
      return spec.timeAt(index);
    },
    environmentAt: (index) => {
      check(index);
      return environmentAt(index);
    },
    eventIdAt: (index) => {
      check(index);
      return eventId(index);
    },
    at: (index) => {
      check(index);
      return generatedEvent(spec, index, eventId(index), environmentAt(index));
    },
    indexOf: (id) => {
      if (id.length !== 32 || !id.startsWith(prefix)) return -1;
      const index = parseInt(id.slice(8), 16);
      return Number.isSafeInteger(index) && index < spec.count && eventId(index) === id ? index : -1;
    },
  };
}

const FUNCTIONS = ['handleRequest', 'loadOrder', 'applyDiscount', 'chargeCard', 'renderInvoice', 'sendReceipt', 'reserveStock', 'parsePayload'];
const MODULES = ['orders/service', 'orders/pricing', 'payments/gateway', 'billing/invoice', 'mail/receipts', 'stock/reservations', 'http/body'];
const WORDS = 'order customer invoice payment card stock warehouse retry timeout queue session cart price discount total tax shipping address'.split(' ');

function generatedEvent(spec: GeneratedEventsSpec, index: number, eventId: string, environment: string): ApiEvent {
  const random = new SeededRandom((spec.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  // Skewed towards the small end, as real events are: 5 KB at least, 50 KB at most.
  const targetBytes = MIN_BYTES + Math.floor(random.next() ** 2 * (MAX_BYTES - MIN_BYTES));
  const date = isoSeconds(spec.timeAt(index));
  // Bigger events have deeper stacks and more breadcrumbs; the rest is data the application attached.
  const frames = Array.from({ length: 2 + Math.floor(targetBytes / 3000) }, (_, i) => generatedFrame(random, i));
  const orderId = String(100_000 + random.int(0, 899_999));
  const value = `Order ${orderId} could not be charged: ${random.pick(WORDS)} ${random.pick(WORDS)} failed`;
  const breadcrumbs: ApiBreadcrumb[] = Array.from({ length: 1 + Math.floor(targetBytes / 2500) }, (_, i) => ({
    timestamp: isoSeconds(spec.timeAt(index) - (30 - i) * 1000).replace('Z', '.000000Z'),
    type: i % 3 === 0 ? 'http' : 'default',
    category: i % 3 === 0 ? 'http' : 'console',
    level: 'info',
    message: `${random.pick(WORDS)} ${random.pick(WORDS)} ${random.int(1, 9999)}`,
    data: i % 3 === 0 ? { method: 'GET', url: `https://api.shop.test/${random.pick(WORDS)}/${random.int(1, 999)}`, status_code: 200 } : null,
    event_id: null,
  }));
  const event = buildEvent({
    eventId,
    groupId: spec.issueId,
    projectId: spec.projectId,
    dateCreated: date,
    platform: 'node',
    type: 'error',
    title: `PaymentError: ${value}`,
    culprit: `${frames[frames.length - 1].function ?? '?'}(${frames[frames.length - 1].module ?? ''})`,
    location: frames[frames.length - 1].filename,
    metadata: { type: 'PaymentError', value, filename: frames[frames.length - 1].filename },
    entries: [
      exceptionEntry([exceptionValue('PaymentError', value, null, frames, { type: 'generic', handled: false })]),
      { type: 'breadcrumbs', data: { values: breadcrumbs } },
    ],
    tags: { environment, handled: 'no', level: 'error', release: 'shop-api@4.2.0', server_name: `api-${random.int(1, 12)}`, 'order.id': orderId },
    user: user(String(random.int(1, 50_000)), `customer${random.int(1, 50_000)}@shop.test`, `10.0.${random.int(0, 255)}.${random.int(1, 254)}`),
    contexts: { runtime: { name: 'node', version: 'v20.18.1', type: 'runtime' }, os: { name: 'Linux', version: '6.1', type: 'os' } },
    extra: {},
    sdk: { name: 'sentry.javascript.node', version: '8.40.0' },
    release: release('shop-api@4.2.0', '2026-01-05T10:00:00Z', { name: 'shop-api', slug: 'shop-api' }, 'a1b2c3d4e5f6'),
  });
  // Extra data the application attached, filling the event up to its size.
  const padding = Math.max(0, targetBytes - event.size - 40);
  event.context = { order: orderPayload(random, orderId, padding) };
  event.size += padding + 40;
  return event;
}

function generatedFrame(random: SeededRandom, position: number): ApiFrame {
  const module = random.pick(MODULES);
  const lineNo = random.int(10, 400);
  const context: Array<[number, string]> = [];
  for (let n = lineNo - 5; n <= lineNo + 5; n++) context.push([n, `  const ${random.pick(WORDS)} = await ${random.pick(WORDS)}.${random.pick(FUNCTIONS)}(${random.pick(WORDS)}, ${n});`]);
  const inApp = position % 4 !== 0;
  const vars: JsonObject = {};
  for (let v = 0; v < random.int(2, 8); v++) vars[`${random.pick(WORDS)}${v}`] = `'${random.pick(WORDS)}-${random.int(1, 99_999)}'`;
  return frame({
    function: random.pick(FUNCTIONS),
    filename: inApp ? `/srv/shop-api/src/${module}.js` : `/srv/shop-api/node_modules/${module}.js`,
    absPath: inApp ? `/srv/shop-api/src/${module}.js` : `/srv/shop-api/node_modules/${module}.js`,
    module: module.replace('/', '.'),
    lineNo,
    colNo: random.int(1, 80),
    inApp,
    context,
    vars,
  });
}

/** Deterministic filler text of about `bytes` characters: order lines as an application might attach them. */
function orderPayload(random: SeededRandom, orderId: string, bytes: number): JsonObject {
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = `${orderId}:${random.int(1, 999)}x ${random.pick(WORDS)}-${random.pick(WORDS)} @ ${random.int(1, 99_999) / 100}`;
    lines.push(line);
    size += line.length + 3;
  }
  return { id: orderId, lines };
}

export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
