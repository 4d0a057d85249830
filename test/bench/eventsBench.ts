/**
 * Events as the tree shows them: one page of full events from the Sentry-compatible server over
 * real HTTP, parsed, every exception and frame walked — and how many requests that took.
 */

import { SentryClient } from '../../src/sentry/api/client';
import { DEMO } from '../fixtures/demo';
import { startSentryTestServer } from '../server/sentryTestServer';

const ROUNDS = 20;

export async function runEventsBench(): Promise<Record<string, number>> {
  const server = await startSentryTestServer({ port: 0 });
  try {
    const times: number[] = [];
    let frames = 0;
    let events = 0;
    let requests = 0;
    for (let round = 0; round < ROUNDS; round++) {
      server.reset();
      const client = new SentryClient({ baseUrl: server.url, token: DEMO.tokens.full });
      const started = process.hrtime.bigint();
      const page = await client.listIssueEvents(DEMO.organizations.demo.slug, DEMO.issues.outOfStock.id, { perPage: 25 });
      frames = 0;
      for (const event of page.items) {
        for (const exception of event.exceptions) frames += exception.stacktrace?.frames.length ?? 0;
      }
      // Expanding the same events again is what a user does when going back and forth.
      await client.listIssueEvents(DEMO.organizations.demo.slug, DEMO.issues.outOfStock.id, { perPage: 25 });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      events = page.items.length;
      requests = server.requests.length;
    }
    times.sort((a, b) => a - b);
    const figures = {
      eventsPerPage: events,
      framesPerPage: frames,
      requestsToExpandPageTwice: requests,
      pageP50Ms: round(times[Math.floor(times.length / 2)]),
      pageMaxMs: round(times[times.length - 1]),
    };
    console.log('events:', figures);
    return figures;
  } finally {
    await server.close();
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
