import * as assert from 'node:assert/strict';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodeFetch from 'node-fetch';
import { nodeFetchAdapter } from '../../../src/sentry/http/nodeFetchAdapter';

describe('nodeFetchAdapter: the answer headers', () => {
  let server: Server;
  let url: string;

  before(async () => {
    server = createServer((_request, response) => {
      response.setHeader('X-Sentry-Rate-Limit-Remaining', '39');
      response.setHeader('Link', '<https://sentry.example/next>; rel="next"; results="true"; cursor="0:10:0"');
      response.setHeader('Set-Cookie', ['a=1', 'b=2']);
      response.setHeader('X-Several', ['one', 'two']);
      response.setHeader('X-Empty', '');
      response.end('[]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers every name, in any case, as node-fetch itself does', async () => {
    const names = ['x-sentry-rate-limit-remaining', 'X-SENTRY-RATE-LIMIT-REMAINING', 'link', 'Link', 'set-cookie', 'x-several', 'X-Empty', 'content-length', 'x-absent'];
    const ours = await nodeFetchAdapter(url, { method: 'GET', headers: {}, redirect: 'manual' });
    const theirs = await nodeFetch(url);
    await ours.text();
    await theirs.text();
    assert.deepEqual(
      names.map((name) => ours.headers.get(name)),
      names.map((name) => theirs.headers.get(name)),
    );
    assert.equal(ours.headers.get('X-Sentry-Rate-Limit-Remaining'), '39');
    assert.equal(ours.headers.get('x-several'), 'one, two');
    assert.equal(ours.headers.get('x-absent'), null);
  });
});
