import * as assert from 'node:assert/strict';
import { CancelledError, ServerError } from '../../../src/sentry/http/errors';
import type { ListEnd, Page } from '../../../src/sentry/http/page';
import { emptyIssuesText, listEndText } from '../../../src/views/nodes/listMessages';
import { PageRequest, PagedList } from '../../../src/model/pagedList';

interface Item {
  id: string;
}

/** A page source whose answers the test releases one by one, recording what the list asked. */
class Pages {
  readonly requests: PageRequest[] = [];
  private readonly pending: Array<{ resolve(page: Page<Item>): void; reject(error: unknown): void }> = [];

  readonly fetch = (request: PageRequest): Promise<Page<Item>> => {
    this.requests.push(request);
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  };

  answer(index: number, page: Page<Item>): void {
    this.pending[index].resolve(page);
  }

  fail(index: number, error: unknown): void {
    this.pending[index].reject(error);
  }
}

const items = (...ids: Array<string | number>): Item[] => ids.map((id) => ({ id: String(id) }));
const ids = (list: PagedList<Item>): string[] => list.items.map((i) => i.id);
const tick = () => new Promise((r) => setImmediate(r));

function listOf(pages: Pages, options: { lifetime?: AbortSignal; ends?: ListEnd[] } = {}): PagedList<Item> {
  return new PagedList<Item>(pages.fetch, { keyOf: (i) => i.id, lifetime: options.lifetime, onEnd: (end) => options.ends?.push(end) });
}

async function loadedList(pages: Pages, first: Page<Item>, options: { lifetime?: AbortSignal; ends?: ListEnd[] } = {}): Promise<PagedList<Item>> {
  const list = listOf(pages, options);
  const loading = list.ensureLoaded();
  pages.answer(pages.requests.length - 1, first);
  await loading;
  return list;
}

describe('PagedList (every paged list of the tree, without VS Code)', () => {
  it('loads the first page once however many views ask at the same time', async () => {
    const pages = new Pages();
    const list = listOf(pages);
    const a = list.ensureLoaded();
    const b = list.ensureLoaded();
    assert.equal(pages.requests.length, 1);
    pages.answer(0, { items: items(1, 2), nextCursor: 'c2' });
    await Promise.all([a, b]);
    assert.deepEqual(ids(list), ['1', '2']);
    assert.equal(list.nextCursor, 'c2');
  });

  describe('Load more', () => {
    it('two quick clicks load the next page once and append it once', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1, 2), nextCursor: 'c2' });
      const first = list.loadMore();
      const second = list.loadMore();
      assert.equal(second, first, 'the second click joins the first');
      assert.equal(list.isLoadingMore, true);
      assert.equal(pages.requests.length, 2);
      assert.equal(pages.requests[1].cursor, 'c2');
      pages.answer(1, { items: items(3, 4), nextCursor: 'c3' });
      await Promise.all([first, second]);
      assert.deepEqual(ids(list), ['1', '2', '3', '4']);
      assert.equal(list.isLoadingMore, false);
      assert.equal(list.nextCursor, 'c3');
    });

    it('a click after the load finished asks for the following page', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1), nextCursor: 'c2' });
      const first = list.loadMore();
      pages.answer(1, { items: items(2), nextCursor: 'c3' });
      await first;
      const next = list.loadMore();
      assert.equal(pages.requests[2].cursor, 'c3');
      pages.answer(2, { items: items(3) });
      await next;
      assert.deepEqual(ids(list), ['1', '2', '3']);
      assert.equal(list.nextCursor, undefined);
      assert.equal(list.end, undefined, 'the list is complete, not cut short');
    });

    it('keeps the cursor after a failure, so Retry asks for the same page', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1), nextCursor: 'c2' });
      const failing = list.loadMore();
      pages.fail(1, new ServerError('boom', 500));
      await failing;
      assert.ok(list.moreError instanceof ServerError);
      const retry = list.loadMore();
      assert.equal(pages.requests[2].cursor, 'c2');
      pages.answer(2, { items: items(2) });
      await retry;
      assert.equal(list.moreError, undefined);
      assert.deepEqual(ids(list), ['1', '2']);
    });
  });

  describe('a reset (filter, sort, refresh) while a page is loading', () => {
    it('discards the first page in flight: the old answer never writes into the new list', async () => {
      const pages = new Pages();
      const list = listOf(pages);
      const old = list.ensureLoaded();
      list.reset();
      assert.equal(pages.requests[0].signal.aborted, true, 'the old request is aborted');
      const fresh = list.ensureLoaded();
      assert.equal(pages.requests.length, 2);
      assert.equal(pages.requests[1].refresh, true, 'a reset asks past the cache');
      pages.answer(0, { items: items('old'), nextCursor: 'old-2' });
      pages.answer(1, { items: items('new') });
      await Promise.all([old, fresh]);
      assert.deepEqual(ids(list), ['new']);
      assert.equal(list.nextCursor, undefined);
    });

    it('discards a Load more in flight, even when its answer arrives after the new first page', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1, 2), nextCursor: 'c2' });
      const more = list.loadMore();
      list.reset();
      assert.equal(list.isLoadingMore, false);
      const fresh = list.ensureLoaded();
      pages.answer(2, { items: items('a', 'b'), nextCursor: 'x2' });
      await fresh;
      pages.answer(1, { items: items(3, 4), nextCursor: 'c3' });
      await more;
      assert.deepEqual(ids(list), ['a', 'b']);
      assert.equal(list.nextCursor, 'x2');
    });

    it('a failure of the discarded load does not show as an error either', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1), nextCursor: 'c2' });
      const more = list.loadMore();
      list.reset();
      pages.fail(1, new ServerError('late failure', 500));
      await more;
      assert.equal(list.moreError, undefined);
      assert.equal(list.error, undefined);
    });
  });

  describe('cancel (a collapsed node, a reloaded tree)', () => {
    it('stops the first load at once, quietly, and the next look loads again', async () => {
      const pages = new Pages();
      const list = listOf(pages);
      const loading = list.ensureLoaded();
      assert.equal(list.cancel(), true);
      await loading; // resolves without waiting for the server
      assert.equal(pages.requests[0].signal.aborted, true);
      assert.equal(list.isLoaded, false);
      assert.equal(list.error, undefined, 'nothing alarming');
      const again = list.ensureLoaded();
      assert.equal(pages.requests.length, 2);
      pages.answer(1, { items: items(1) });
      await again;
      assert.deepEqual(ids(list), ['1']);
    });

    it('stops a Load more and keeps the rows already loaded and the cursor', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1), nextCursor: 'c2' });
      const more = list.loadMore();
      assert.equal(list.cancel(), true);
      await more;
      assert.deepEqual(ids(list), ['1']);
      assert.equal(list.nextCursor, 'c2');
      assert.equal(list.moreError, undefined);
      pages.answer(1, { items: items(2), nextCursor: 'c3' });
      await tick();
      assert.deepEqual(ids(list), ['1'], 'a late answer is dropped');
    });

    it('a cancelled request that rejects with CancelledError leaves no error', async () => {
      const pages = new Pages();
      const list = listOf(pages);
      const loading = list.ensureLoaded();
      pages.fail(0, new CancelledError());
      await loading;
      assert.equal(list.error, undefined);
      assert.equal(list.isLoaded, false);
    });

    it('has nothing to cancel when nothing is loading', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1) });
      assert.equal(list.cancel(), false);
    });

    it('a reloaded tree (its lifetime aborted) stops every load of the list for good', async () => {
      const pages = new Pages();
      const lifetime = new AbortController();
      const list = await loadedList(pages, { items: items(1), nextCursor: 'c2' }, { lifetime: lifetime.signal });
      const more = list.loadMore();
      lifetime.abort();
      await more;
      assert.equal(pages.requests[1].signal.aborted, true);
      await list.loadMore();
      assert.equal(pages.requests.length, 2, 'no new request from a list of a discarded tree');
    });
  });

  describe('lists that cannot go on', () => {
    it('keeps the reason the server\'s answer gave (a foreign next link), and reports it once', async () => {
      const pages = new Pages();
      const ends: ListEnd[] = [];
      const list = await loadedList(pages, { items: items(1), end: { kind: 'foreignLink', origin: 'https://evil.example' } }, { ends });
      assert.deepEqual(list.end, { kind: 'foreignLink', origin: 'https://evil.example' });
      assert.equal(list.nextCursor, undefined);
      assert.deepEqual(ends, [{ kind: 'foreignLink', origin: 'https://evil.example' }]);
    });

    it('stops at a page that repeats the previous page\'s items', async () => {
      const pages = new Pages();
      const ends: ListEnd[] = [];
      const list = await loadedList(pages, { items: items(1, 2), nextCursor: 'c2' }, { ends });
      const more = list.loadMore();
      pages.answer(1, { items: items(1, 2), nextCursor: 'c3' });
      await more;
      assert.deepEqual(ids(list), ['1', '2']);
      assert.equal(list.nextCursor, undefined);
      assert.deepEqual(list.end, { kind: 'repeatedPage' });
      assert.deepEqual(ends, [{ kind: 'repeatedPage' }]);
    });

    it('stops when the server hands back the cursor it was just given', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1), nextCursor: 'c2' });
      const more = list.loadMore();
      pages.answer(1, { items: items(2), nextCursor: 'c2' });
      await more;
      assert.deepEqual(ids(list), ['1', '2']);
      assert.deepEqual(list.end, { kind: 'repeatedPage' });
      assert.equal(list.nextCursor, undefined);
    });

    it('never adds an item twice: overlapping pages and duplicates within a page', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1, 2, 2, 3), nextCursor: 'c2' });
      assert.deepEqual(ids(list), ['1', '2', '3']);
      const more = list.loadMore();
      pages.answer(1, { items: items(3, 4, 5), nextCursor: 'c3' });
      await more;
      assert.deepEqual(ids(list), ['1', '2', '3', '4', '5']);
      assert.equal(list.nextCursor, 'c3', 'a shifted page is normal: the list goes on');
    });
  });

  describe('progress, removal and errors', () => {
    it('says where it is: unloaded, loading, loaded, loading more, failed', async () => {
      const pages = new Pages();
      const list = listOf(pages);
      assert.equal(list.state, 'unloaded');
      const first = list.ensureLoaded();
      assert.equal(list.state, 'loading');
      pages.answer(0, { items: items(1), nextCursor: 'c2' });
      await first;
      assert.equal(list.state, 'loaded');
      const more = list.loadMore();
      assert.equal(list.state, 'loadingMore');
      pages.answer(1, { items: items(2) });
      await more;
      assert.equal(list.state, 'loaded');
      list.reset();
      const failing = list.ensureLoaded();
      pages.fail(2, new ServerError('boom', 500));
      await failing;
      assert.equal(list.state, 'failed');
    });

    it('takes an item out (an issue that left the list), and a later page may bring it back', async () => {
      const pages = new Pages();
      const list = await loadedList(pages, { items: items(1, 2, 3), nextCursor: 'c2' });
      assert.equal(list.remove('2'), true);
      assert.equal(list.remove('2'), false);
      assert.deepEqual(ids(list), ['1', '3']);
      const more = list.loadMore();
      pages.answer(1, { items: items(2, 4) });
      await more;
      assert.deepEqual(ids(list), ['1', '3', '2', '4']);
    });

    it('reports each failed load once, and never a cancelled or discarded one', async () => {
      const pages = new Pages();
      const errors: unknown[] = [];
      const list = new PagedList<Item>(pages.fetch, { keyOf: (i) => i.id, onError: (error) => errors.push(error) });
      const discarded = list.ensureLoaded();
      list.reset();
      pages.fail(0, new ServerError('old', 500));
      await discarded;
      const failing = list.ensureLoaded();
      pages.fail(1, new ServerError('new', 500));
      await failing;
      assert.equal(errors.length, 1);
      assert.match(String(errors[0]), /new/);
    });
  });

  describe('texts', () => {
    it('says why a list ended', () => {
      assert.equal(
        listEndText({ kind: 'foreignLink', origin: 'http://evil.example.test' }),
        'The next page is on http://evil.example.test, which is not your Sentry server; it was not loaded.',
      );
      assert.match(listEndText({ kind: 'noCursor' }), /^The list may be incomplete: /);
      assert.match(listEndText({ kind: 'repeatedPage' }), /^The list may be incomplete: /);
    });

    it('names the issue query only when the user set one', () => {
      assert.equal(emptyIssuesText('is:unresolved'), 'No unresolved issues.');
      assert.equal(emptyIssuesText(''), 'No issues.');
      assert.equal(emptyIssuesText('level:error release:1.2'), 'No issues match "level:error release:1.2".');
    });
  });
});
