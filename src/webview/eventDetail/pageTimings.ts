import type { PageResourceTiming, PageTimings } from '../../views/eventDetail/protocol';

/** The files the page loads that the timings name: its own stylesheets, script and font. */
const MAX_RESOURCES = 20;

/** How the page came to the screen so far, from the browser's own timing entries (see protocol.ts). */
export function pageTimings(): PageTimings | undefined {
  const navigation = performance.getEntriesByType('navigation')[0];
  if (!(navigation instanceof PerformanceNavigationTiming)) return undefined;
  const contentful = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
  const resources: PageResourceTiming[] = [];
  for (const entry of performance.getEntriesByType('resource').slice(0, MAX_RESOURCES)) {
    const name = entry.name.split(/[?#]/)[0].split('/').pop() ?? '';
    resources.push({ name: /^[A-Za-z0-9._-]{1,100}$/.test(name) ? name : 'other', start: at(entry.startTime), end: at((entry as PerformanceResourceTiming).responseEnd) });
  }
  return {
    origin: performance.timeOrigin,
    domInteractive: at(navigation.domInteractive),
    domContentLoaded: at(navigation.domContentLoadedEventStart),
    ...(contentful ? { firstContentfulPaint: at(contentful.startTime) } : {}),
    painted: at(performance.now()),
    resources,
  };
}

function at(ms: number): number {
  return Math.max(0, Math.round(ms * 10) / 10);
}
