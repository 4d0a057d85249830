import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEvent, parseEventText } from '../../../../src/sentry/event/eventParser';
import { frameAt } from '../../../../src/model/eventFrames';
import type { FragmentRef, FrameRef } from '../../../../src/views/eventDetail/protocol';
import { renderBreadcrumbsPage, renderBreadcrumbsPageWithin } from '../../../../src/views/eventDetail/renderBreadcrumbs';
import { RenderContext } from '../../../../src/views/eventDetail/renderContext';
import { renderEventDetail } from '../../../../src/views/eventDetail/renderEventDetail';
import { LIMITS } from '../../../../src/views/eventDetail/renderLimits';
import { renderFragment } from '../../../../src/views/eventDetail/renderFragment';
import { renderHeader } from '../../../../src/views/eventDetail/renderHeader';
import { largeEvent, manyFramesEvent } from '../../../fixtures/events/largeEvents';
import { sharedEventFiles, withSharedFixtures } from '../../fixturePaths';
import { renderEverything } from './renderAll';
import { checkMarkup, withoutIconDrawings } from './strictMarkup';

const OWN = path.resolve(__dirname, '../../../../../test/fixtures/events');
const ownEvent = (name: string) => parseEventText(fs.readFileSync(path.join(OWN, name), 'utf8'), name);

function framesOf(html: string): string[] {
  return [...html.matchAll(/<details class="frame ([a-z-]+)"( open)?( data-fragment="[^"]*")?><summary><span class="fn">([^<]*)<\/span>/g)].map(([, kind, open, lazy, fn]) => `${fn} ${kind}${open ? ' open' : ''}${lazy ? ' lazy' : ''}`);
}

describe('event detail renderer', () => {
  describe('the store fixture, section by section', () => {
    const [event] = ownEvent('store-event.json');
    const html = renderEventDetail(event, { issueShortId: 'API-12', issueTitle: 'OutOfStockError', eventUrl: 'https://acme.sentry.io/issues/4201/events/4f1c2a9be0d34c7e9a5b6c7d8e9f0a1b/', issuePermalink: 'https://acme.sentry.io/issues/4201/' });
    const summary = checkMarkup(html);

    it('heads with the exception, level, issue, time, release, environment, platform and links', () => {
      assert.match(html, /<span class="badge level level-error">error<\/span><h1><span class="exc-type">OutOfStockError<\/span><span class="exc-value">: SKU-RED-MUG: requested 3, available 1<\/span><\/h1>/);
      assert.match(summary.text, /API-12 · OutOfStockError/);
      for (const fact of ['Time 2024-11-20 12:00:00 UTC', 'Release api-server@2.4.1', 'Environment production', 'Platform python']) assert.ok(summary.text.includes(fact), fact);
      assert.match(html, /data-action="openExternal" data-target="event"/);
      assert.match(html, /data-action="openExternal" data-target="issue"/);
      assert.match(html, /data-action="copyMarkdown"/);
    });

    it('shows the chain most recent first, frames crash first, in-app frames open and library frames folded', () => {
      assert.ok(summary.text.indexOf('OutOfStockError3 frames') < summary.text.indexOf('KeyError1 frame'), summary.text.slice(0, 600));
      assert.deepEqual(framesOf(html), ['reserve_stock in-app open', 'place_order in-app open', 'full_dispatch_request library lazy', 'reserve_stock in-app open']);
    });

    it('numbers the context lines and marks the error line', () => {
      const body = html.slice(html.indexOf('<span class="fn">reserve_stock</span>'), html.indexOf('<span class="fn">place_order</span>'));
      const numbers = [...body.matchAll(/<td class="ln">(\d+)<\/td>/g)].map(([, n]) => Number(n));
      assert.deepEqual(numbers, [19, 20, 21, 22, 23, 24, 25, 26, 27]);
      assert.match(body, /<tr class="error-line"><td class="ln">24<\/td><td class="src"><code> {12}raise OutOfStockError\(line.sku, requested=line.quantity, available=available\)<\/code><\/td><\/tr>/);
    });

    it('shows local variables as a table, nested values expandable', () => {
      const body = html.slice(html.indexOf('<span class="fn">reserve_stock</span>'), html.indexOf('<span class="fn">place_order</span>'));
      assert.match(body, /<summary>Local variables \(5\)<\/summary>/);
      assert.match(body, /<tr><th>available<\/th><td><span class="v-str">1<\/span><\/td><\/tr>/);
      assert.match(body, /<tr><th>item<\/th><td><details class="v-nested"><summary><span class="v-summary">\{sku, on_hand, reserved\}<\/span><\/summary><table class="kv">/);
    });

    it('points every frame control at a frame the event holds', () => {
      const refs = summary.frames as FrameRef[];
      assert.equal(refs.length, 4);
      for (const ref of refs) assert.ok(frameAt(event, ref), JSON.stringify(ref));
      assert.deepEqual(refs[0], { stack: { kind: 'exception', index: 1 }, frame: 2 });
      assert.equal(frameAt(event, refs[0])?.lineNo, 24);
    });

    it('lists breadcrumbs as a filterable timeline', () => {
      assert.match(html, /<input class="filter" type="search" data-filter="breadcrumbs" placeholder="Filter breadcrumbs" aria-label="Filter breadcrumbs" spellcheck="false">/);
      const crumbs = [...html.matchAll(/<div class="crumb[^"]*" role="listitem"><span class="crumb-time" title="[^"]+">([^<]+)<\/span><span class="crumb-category">([^<]*)<\/span><span class="crumb-level">([^<]*)<\/span>/g)].map((m) => m.slice(1).join(' | '));
      assert.deepEqual(crumbs, ['11:59:59.100 | http | info', '11:59:59.800 | query | info', '12:00:00.200 | api.orders | warning']);
    });

    it('makes each tag a control that asks to search issues by its index', () => {
      const tags = [...html.matchAll(/<button class="tag" type="button" data-action="searchIssues" data-tag="(\d+)"[^>]*><span class="tag-key">([^<]+)<\/span><span class="tag-value">([^<]+)<\/span>/g)].map((m) => `${m[1]} ${m[2]}=${m[3]}`);
      assert.deepEqual(tags.slice(0, 2), ['0 browser=Firefox 132.0', '1 customer.plan=pro']);
      assert.equal(tags.length, event.tags.length);
    });

    it('shows contexts (known kinds first, unknown ones generically), request, user, extra, SDK and packages', () => {
      const order = [...html.matchAll(/<div class="card"><h3>([^<]+)</g)].map(([, title]) => title);
      assert.deepEqual(order, ['Browser', 'Operating System', 'Runtime', 'feature_flags']);
      assert.match(html, /<span class="badge method">POST<\/span><code class="url">https:\/\/shop.example.com\/api\/orders<\/code>/);
      for (const text of ['Querysourcecartabcheckout-v2', 'HeadersContent-Typeapplication/json', 'Cookiessession[Filtered]themedark', 'Body{items, coupon}', 'Emailada@example.com', 'Geocountry_code: FR, city: Lyon', 'cart_idcart_01HZX', 'Namesentry.python.flask', 'flask3.0.3']) {
        assert.ok(summary.text.includes(text), text);
      }
      assert.ok(!/href=|src=/.test(withoutIconDrawings(html)), 'no link or resource URL at all (a codicon draws its symbol in the page)');
    });
  });

  it('reads frames caller first when asked', () => {
    const [event] = ownEvent('store-event.json');
    assert.deepEqual(framesOf(renderEventDetail(event, {}, { frameOrder: 'callerFirst' })), ['reserve_stock in-app open', 'full_dispatch_request library lazy', 'place_order in-app open', 'reserve_stock in-app open']);
  });

  it('shows threads: the crashed one open when no exception has frames, the others on demand', () => {
    const frames = (fn: string) => ({ frames: [{ function: `${fn}_caller`, filename: 'main.go', lineno: 3, in_app: true }, { function: fn, filename: 'worker.go', lineno: 9, in_app: true }] });
    const event = parseEvent({
      event_id: 'c',
      message: 'deadlock',
      exception: { values: [{ type: 'Fatal', value: 'all goroutines are asleep', thread_id: 1 }] },
      threads: { values: [{ id: 1, name: 'main', crashed: true, current: true, stacktrace: frames('lock') }, { id: 2, name: 'worker', stacktrace: frames('wait') }] },
    });
    const html = renderEventDetail(event);
    const summary = checkMarkup(html);
    assert.match(html, /<details class="section section-threads" open>/);
    assert.deepEqual(framesOf(html), ['lock in-app open', 'lock_caller in-app open']);
    const lazy = summary.fragments.find((f) => (f as FragmentRef).kind === 'frames') as FragmentRef;
    assert.deepEqual(lazy, { kind: 'frames', stack: { kind: 'thread', index: 1 }, start: 0 });
    assert.match(html, /<details class="stack" data-fragment="[^"]*"><summary><span class="stack-title">worker #2<\/span><span class="muted count">2 frames<\/span><\/summary><div class="frames"><div class="pending"><\/div><\/div><\/details>/);
    assert.deepEqual(framesOf(renderFragment(event, lazy)), ['wait in-app open', 'wait_caller in-app open']);
  });

  it('renders a folded frame on demand with the same functions', () => {
    const [event] = ownEvent('store-event.json');
    const ref = checkMarkup(renderEventDetail(event)).fragments.find((f) => (f as FragmentRef).kind === 'frameBody') as FragmentRef;
    const body = renderFragment(event, ref);
    checkMarkup(body);
    assert.match(body, /<tr class="error-line"><td class="ln">880<\/td><td class="src"><code> {16}rv = self.dispatch_request\(\)<\/code>/);
  });

  describe('every event fixture', () => {
    const own = fs.readdirSync(OWN).filter((name) => /\.(json|ndjson)$/.test(name) && !name.startsWith('cut-off') && name !== 'not-an-event.json');
    for (const name of own) {
      it(`renders ${name} and every fragment it names, strictly checked`, () => {
        const text = fs.readFileSync(path.join(OWN, name), 'utf8');
        const events = name.endsWith('.ndjson') ? text.trim().split('\n').flatMap((line) => parseEventText(line)) : parseEventText(text);
        for (const event of events) {
          const rendered = renderEverything(event);
          for (const exception of event.exceptions) assert.ok(rendered.allText.includes(exception.type), exception.type);
        }
      });
    }

    withSharedFixtures("event detail: Sentry's own events", (test) =>
      test('renders every event in ../shared/sentry-fixtures', () => {
        const shared = sharedEventFiles();
        let rendered = 0;
        for (const file of shared) {
          for (const event of file.events) {
            const result = renderEverything(event);
            for (const exception of event.exceptions) assert.ok(result.allText.includes(exception.type), `${file.name}: ${exception.type}`);
            if (event.message) assert.ok(result.allText.includes(event.message.slice(0, 50)), `${file.name}: message`);
            rendered++;
          }
        }
        assert.ok(rendered >= 10, `rendered ${rendered}`);
      }),
    );
  });

  describe('the header', () => {
    const [event] = ownEvent('store-event.json');

    it("shows the issue's status, escaped, with the issue actions beside it (none while the issue's state is unknown)", () => {
      const html = renderHeader(event, { issueShortId: 'API-12', issueTitle: 'OutOfStockError', issueStatus: 'ignored until it escalates' });
      assert.match(html, /API-12 · OutOfStockError<span class="badge issue-status">ignored until it escalates<\/span><span class="issue-actions" role="group" aria-label="Issue actions"><\/span><\/div>/);
      const withState = renderHeader(event, { issueShortId: 'API-12', issueTitle: 'OutOfStockError', issueStatus: 'ignored until it escalates', issueState: { status: 'ignored', bookmarked: false } });
      assert.match(withState, /<span class="issue-actions" role="group" aria-label="Issue actions"><button class="action issue-action" type="button" data-action="issueAction" data-issue-action="resolve"/);
      checkMarkup(withState);
      assert.match(renderHeader(event, { issueShortId: 'API-12', issueStatus: '<img src=x onerror=alert(1)>' }), /<span class="badge issue-status">&lt;img src=x onerror=alert\(1\)&gt;<\/span>/);
    });

    it('has no issue line, and so no action slot, for an event without an issue (a file)', () => {
      const html = renderHeader(event, { sourceLabel: 'events.ndjson, event 2 of 3' });
      assert.ok(!html.includes('issue-actions') && !html.includes('issue-status'));
      assert.match(checkMarkup(html).text, /Source events\.ndjson, event 2 of 3/);
    });
  });

  describe('size limits', () => {
    it('paints 5,000 frames a page at a time, and every page can be reached', () => {
      const event = parseEvent(manyFramesEvent(5_000));
      const started = process.hrtime.bigint();
      const html = renderEventDetail(event);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(ms < 1_500, `first paint took ${ms} ms`);
      const first = checkMarkup(html);
      assert.equal(first.frames.length, 16, 'a first screen of rows; the rest of the first page (50 rows) follows, the later pages hold 200');
      assert.equal((html.match(/<details class="frame in-app" open>/g) ?? []).length, 5, 'in-app bodies painted on the first screen');
      assert.ok(html.length < 64_000, `first paint is ${html.length} characters`);
      let ref = first.fragments.find((f) => (f as FragmentRef).kind === 'frames') as FragmentRef | undefined;
      let frames = first.frames.length;
      const pages: number[] = [];
      while (ref) {
        const page = checkMarkup(renderFragment(event, ref));
        pages.push(page.frames.length);
        frames += page.frames.length;
        ref = page.fragments.find((f) => (f as FragmentRef).kind === 'frames') as FragmentRef | undefined;
      }
      assert.equal(frames, 5_000);
      assert.deepEqual(pages.slice(0, 3), [34, 200, 200]);
    });

    it('paints a 10 MB event in a bounded first paint', () => {
      const raw = largeEvent(10);
      assert.ok(JSON.stringify(raw).length >= 10_000_000);
      const event = parseEvent(raw);
      const started = process.hrtime.bigint();
      const html = renderEventDetail(event);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(ms < 1_500, `first paint took ${ms} ms`);
      assert.ok(html.length < 100_000, `first paint is ${html.length} characters`);
      const summary = checkMarkup(html);
      assert.match(summary.text, /show all \(\d{1,3}(,\d{3})+ characters\)/);
      assert.ok(!summary.text.includes('Breadcrumbs'), 'the sections below the stack trace come after the first paint');
      assert.deepEqual(summary.fragments.filter((f) => (f as FragmentRef).kind === 'sections'), [{ kind: 'sections' }]);
      const rest = checkMarkup(renderFragment(event, { kind: 'sections' }));
      assert.match(rest.text, /Show 1,800 more breadcrumbs/);
      for (const section of ['Breadcrumbs', 'Tags', 'Contexts', 'Extra', 'Packages']) assert.ok(rest.text.includes(section), section);
    });

    it('renders breadcrumbs for the first paint only until they pass its budget', () => {
      const event = parseEvent(largeEvent(10));
      const ctx = new RenderContext(event, {}, undefined, LIMITS.valueCells);
      const page = renderBreadcrumbsPage(ctx, event, 0);
      assert.ok(page.length > 32_000, `a page of ${page.length} characters`);
      assert.equal(renderBreadcrumbsPageWithin(new RenderContext(event, {}, undefined, LIMITS.valueCells), event, 0, page.length), page, 'the same page within the budget');
      assert.equal(renderBreadcrumbsPageWithin(new RenderContext(event, {}, undefined, LIMITS.valueCells), event, 0, 32_000), undefined);
    });

    it('keeps a small event in one paint, the sections below the stack trace included', () => {
      const [event] = ownEvent('store-event.json');
      const summary = checkMarkup(renderEventDetail(event));
      assert.ok(!summary.fragments.some((f) => (f as FragmentRef).kind === 'sections'));
      for (const section of ['Breadcrumbs', 'Tags', 'Contexts', 'Request', 'User', 'Packages']) assert.ok(summary.text.includes(section), section);
    });
  });
});
