import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ownFixture, sharedFixture, withSharedFixtures } from '../fixturePaths';
import type { Frame } from '../../../src/sentry/event/eventModel';
import { FileIndex } from '../../../src/source/fileIndex';
import { FrameResolution, FrameResolver, ResolvedFrame } from '../../../src/source/frameResolver';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A file of Sentry's fixtures by name, or of this project's (`own/platforms/…`). */
function readFixture(name: string): Json {
  const file = name.startsWith('own/') ? ownFixture(...name.slice(4).split('/')) : sharedFixture(name);
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function field(value: Json | undefined, key: string): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}

function text(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: Json | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.map((line) => (typeof line === 'string' ? line : '')) : [];
}

function list(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** Store (SDK) form: snake_case keys, pre_context / context_line / post_context. */
function storeFrame(raw: Json): Frame {
  return {
    filename: text(field(raw, 'filename')),
    absPath: text(field(raw, 'abs_path')),
    module: text(field(raw, 'module')),
    function: text(field(raw, 'function')),
    lineNo: num(field(raw, 'lineno')),
    colNo: num(field(raw, 'colno')),
    inApp: field(raw, 'in_app') === true,
    preContext: strings(field(raw, 'pre_context')),
    contextLine: text(field(raw, 'context_line')),
    postContext: strings(field(raw, 'post_context')),
  };
}

/** API form: camelCase keys, `context: [[lineNo, code], …]`. */
function apiFrame(raw: Json): Frame {
  const lineNo = num(field(raw, 'lineNo'));
  const pairs = list(field(raw, 'context')).filter(Array.isArray) as Json[][];
  const at = (predicate: (n: number) => boolean): string[] =>
    pairs.filter((pair) => typeof pair[0] === 'number' && predicate(pair[0])).map((pair) => text(pair[1]) ?? '');
  return {
    filename: text(field(raw, 'filename')),
    absPath: text(field(raw, 'absPath')),
    module: text(field(raw, 'module')),
    package: text(field(raw, 'package')),
    function: text(field(raw, 'function')),
    lineNo,
    colNo: num(field(raw, 'colNo')),
    inApp: field(raw, 'inApp') === true,
    preContext: lineNo === undefined ? [] : at((n) => n < lineNo),
    contextLine: lineNo === undefined ? undefined : at((n) => n === lineNo)[0],
    postContext: lineNo === undefined ? [] : at((n) => n > lineNo),
  };
}

function storeExceptionFrames(name: string, key = 'stacktrace'): Frame[] {
  const values = list(field(field(readFixture(name), 'exception'), 'values'));
  return list(field(field(values[0], key), 'frames')).map(storeFrame);
}

function apiFramesOf(name: string): Frame[] {
  const frames: Frame[] = [];
  for (const entry of list(field(readFixture(name), 'entries'))) {
    const data = field(entry, 'data');
    list(field(data, 'frames')).forEach((raw) => frames.push(apiFrame(raw)));
    for (const value of list(field(data, 'values'))) {
      list(field(field(value, 'stacktrace'), 'frames')).forEach((raw) => frames.push(apiFrame(raw)));
    }
  }
  return frames;
}

function frame(fields: Partial<Frame>): Frame {
  return { inApp: false, preContext: [], postContext: [], ...fields };
}

function resolver(roots: string[], files: string[]): FrameResolver {
  return new FrameResolver(new FileIndex(roots, files));
}

function found(result: FrameResolution): ResolvedFrame {
  assert.ok(result.found && !result.ambiguous, `expected one file, got: ${JSON.stringify(result)}`);
  return result;
}

describe('source/frameResolver across platforms', () => {
  describe('Python', () => {
    withSharedFixtures("Sentry's sample events", (test) =>
      test('maps the modern SDK sample (filename main.py, abs_path /Users/user/test/main.py) to the project file', () => {
        const frames = storeExceptionFrames('store-python-modern.sentry-sample.json');
        assert.equal(frames.length, 2);
        const r = resolver(['/home/dev/test-app'], ['/home/dev/test-app/main.py', '/home/dev/test-app/lib/main.py']);
        for (const f of frames) {
          const result = found(r.resolve(f));
          assert.equal(result.path, '/home/dev/test-app/main.py');
          assert.equal(result.method, 'prefix');
        }
      }),
    );

    withSharedFixtures("Sentry's sample events", (test) =>
      test('maps the raven API event frames through filename and module, and by suffix from a monorepo folder', () => {
        const frames = apiFramesOf('api-project-event-detail-python.sentry-docs.json');
        assert.equal(frames.length, 5);
        assert.equal(frames[0].absPath, '/home/ubuntu/.virtualenvs/getsentry/src/raven/raven/base.py');
        assert.equal(frames[0].module, 'raven.base');

        const checkout = resolver(['/w/raven'], ['/w/raven/raven/base.py', '/w/raven/raven/scripts/runner.py', '/w/raven/tests/base.py']);
        assert.equal(found(checkout.resolve(frames[0])).path, '/w/raven/raven/base.py');
        assert.equal(found(checkout.resolve(frames[4])).path, '/w/raven/raven/scripts/runner.py');

        const mono = resolver(['/w/mono'], ['/w/mono/libs/raven/raven/base.py', '/w/mono/libs/raven/raven/scripts/runner.py', '/w/mono/app/base.py']);
        const result = found(mono.resolve(frames[0]));
        assert.equal(result.path, '/w/mono/libs/raven/raven/base.py');
        assert.equal(result.method, 'suffix');
        assert.equal(result.matchedSegments, 3);
      }),
    );

    it('reads dotted modules as a/b/c.py and a/b/c/__init__.py', () => {
      const r = resolver(['/w/p'], ['/w/p/shop/orders/service.py', '/w/p/shop/billing/__init__.py']);
      assert.equal(found(r.resolve(frame({ module: 'shop.orders.service', platform: 'python' }))).path, '/w/p/shop/orders/service.py');
      assert.equal(found(r.resolve(frame({ module: 'shop.billing', platform: 'python' }))).path, '/w/p/shop/billing/__init__.py');
    });

    it('treats site-packages as a library and finds it only in a checkout of that library', () => {
      const abs = '/srv/app/.venv/lib/python3.12/site-packages/requests/sessions.py';
      const f = frame({ absPath: abs, filename: 'requests/sessions.py', module: 'requests.sessions' });
      const app = resolver(['/w/app'], ['/w/app/src/sessions.py']);
      const missing = app.resolve(f);
      assert.equal(missing.found, false);
      const lib = resolver(['/w/requests'], ['/w/requests/src/requests/sessions.py']);
      const result = found(lib.resolve(f));
      assert.equal(result.path, '/w/requests/src/requests/sessions.py');
      assert.equal(result.library, true);
    });

    it('does not match a standard-library frame by its bare file name', () => {
      const f = frame({ absPath: '/usr/lib/python3.11/threading.py', filename: 'threading.py', module: 'threading' });
      assert.equal(resolver(['/w/app'], ['/w/app/tools/threading.py']).resolve(f).found, false);
    });

    it('finds files in containers: /app/, /usr/src/app/, /srv/', () => {
      const r = resolver(['/w/api'], ['/w/api/api/views.py', '/w/api/worker/tasks.py']);
      assert.equal(found(r.resolve(frame({ absPath: '/app/api/views.py' }))).path, '/w/api/api/views.py');
      assert.equal(found(r.resolve(frame({ absPath: '/usr/src/app/worker/tasks.py' }))).path, '/w/api/worker/tasks.py');
      assert.equal(found(r.resolve(frame({ absPath: '/srv/api/views.py' }))).path, '/w/api/api/views.py');
    });
  });

  describe('Node', () => {
    const files = ['/w/api/src/server.js', '/w/api/src/routes/users.js', '/w/api/lib/db.js'];

    it('strips app:/// (RewriteFrames) and ~/', () => {
      const r = resolver(['/w/api'], files);
      const result = found(r.resolve(frame({ filename: 'app:///src/routes/users.js', inApp: true })));
      assert.equal(result.path, '/w/api/src/routes/users.js');
      assert.equal(result.method, 'prefix');
      assert.equal(found(r.resolve(frame({ absPath: '~/lib/db.js' }))).path, '/w/api/lib/db.js');
    });

    it('uses an absolute path as is when it is a workspace file', () => {
      const result = found(resolver(['/w/api'], files).resolve(frame({ absPath: '/w/api/src/server.js' })));
      assert.equal(result.method, 'absolute');
      assert.equal(result.path, '/w/api/src/server.js');
    });

    it('strips Lambda, CI and home-folder roots', () => {
      const r = resolver(['/w/api'], files);
      assert.equal(found(r.resolve(frame({ absPath: '/var/task/src/server.js' }))).path, '/w/api/src/server.js');
      assert.equal(found(r.resolve(frame({ absPath: '/home/runner/work/api/api/lib/db.js' }))).path, '/w/api/lib/db.js');
      assert.equal(found(r.resolve(frame({ absPath: '/Users/alice/code/api/src/routes/users.js' }))).path, '/w/api/src/routes/users.js');
    });

    it('does not open node_modules frames in app code', () => {
      const f = frame({ absPath: '/var/task/node_modules/express/lib/router/index.js', module: 'express.lib.router:index' });
      const result = resolver(['/w/api'], [...files, '/w/api/src/router/index.js']).resolve(f);
      assert.equal(result.found, false);
    });
  });

  describe('browser JavaScript with source maps', () => {
    withSharedFixtures("Sentry's sample events", (test) =>
      test('maps webpack://[name]/./src/app.js from the sentry-cli fixture', () => {
        const frames = storeExceptionFrames('store-javascript-webpack-sourcemapped.sentry-cli.json');
        const appFrame = frames[frames.length - 1];
        assert.equal(appFrame.absPath, 'webpack://webpack-plugin/./src/app.js');
        const r = resolver(['/w/site'], ['/w/site/src/app.js', '/w/site/dist/bundle.min.js']);
        const result = found(r.resolve(appFrame));
        assert.equal(result.path, '/w/site/src/app.js');
        assert.equal(result.method, 'prefix');
        // The first frame only names the bundle's source map under dist/ (build output, not indexed).
        assert.equal(r.resolve(frames[0]).found, false);
        for (const raw of storeExceptionFrames('store-javascript-webpack-sourcemapped.sentry-cli.json', 'raw_stacktrace')) {
          assert.equal(r.resolve(raw).found, false);
        }
      }),
    );

    withSharedFixtures("Sentry's sample events", (test) =>
      test('uses the webpack namespace to pick the right package of a monorepo', () => {
        const frames = storeExceptionFrames('store-javascript-webpack-sourcemapped.sentry-cli.json');
        const r = resolver(['/w/mono'], ['/w/mono/packages/other/src/app.js', '/w/mono/packages/webpack-plugin/src/app.js']);
        const result = found(r.resolve(frames[frames.length - 1]));
        assert.equal(result.path, '/w/mono/packages/webpack-plugin/src/app.js');
        assert.equal(result.method, 'suffix');
        assert.equal(result.ambiguous, false);
      }),
    );

    withSharedFixtures("Sentry's sample events", (test) =>
      test('reads webpack:///./ and webpack:////abs (OpenAPI sample event)', () => {
        const frames = apiFramesOf('api-issue-event-detail-javascript-sourcemapped.openapi.json');
        const helpers = frames.find((f) => f.absPath?.endsWith('helpers.js'));
        assert.ok(helpers);
        assert.equal(helpers.absPath, 'webpack:////usr/src/getsentry/src/sentry/node_modules/@sentry/browser/esm/helpers.js');
        const sentry = resolver(['/w/sentry'], ['/w/sentry/src/sentry/static/app/index.tsx', '/w/sentry/static/esm/helpers.js']);
        const missing = sentry.resolve(helpers);
        assert.equal(missing.found, false);

        const sdk = resolver(['/w/sentry-javascript'], ['/w/sentry-javascript/packages/browser/esm/helpers.js', '/w/sentry-javascript/packages/core/esm/helpers.js']);
        const result = found(sdk.resolve(helpers));
        assert.equal(result.path, '/w/sentry-javascript/packages/browser/esm/helpers.js');
        assert.equal(result.library, true);

        const app = found(sentry.resolve(frame({ absPath: 'webpack:////usr/src/getsentry/src/sentry/static/app/index.tsx', inApp: true })));
        assert.equal(app.path, '/w/sentry/src/sentry/static/app/index.tsx');
        const dotSlash = found(sentry.resolve(frame({ absPath: 'webpack:///./src/sentry/static/app/index.tsx?4f2a' })));
        assert.equal(dotSlash.path, '/w/sentry/src/sentry/static/app/index.tsx');
      }),
    );

    it('takes the path part of URLs, dropping query and hash', () => {
      const r = resolver(['/w/site'], ['/w/site/static/js/app.js']);
      const result = found(r.resolve(frame({ absPath: 'https://cdn.example.com/static/js/app.js?v=3#frag', inApp: true })));
      assert.equal(result.path, '/w/site/static/js/app.js');
    });

    it('reads Next.js webpack-internal layers', () => {
      const r = resolver(['/w/web'], ['/w/web/src/app/page.tsx']);
      const result = found(r.resolve(frame({ absPath: 'webpack-internal:///(rsc)/./src/app/page.tsx', inApp: true })));
      assert.equal(result.path, '/w/web/src/app/page.tsx');
    });
  });

  describe('Java / Kotlin', () => {
    const files = [
      '/w/shop/src/main/java/io/sentry/example/ApiRequest.java',
      '/w/shop/src/main/java/io/sentry/example/Application.java',
      '/w/shop/src/main/java/io/sentry/example/Sidebar.java',
      '/w/shop/src/test/java/io/sentry/example/ApiRequestTest.java',
      '/w/shop/tools/Thread.java',
    ];

    withSharedFixtures("Sentry's sample events", (test) =>
      test('maps module io.sentry.example.ApiRequest + ApiRequest.java below src/main/java', () => {
        const frames = apiFramesOf('api-issue-oldest-event-java.sentry-docs.json');
        const last = frames[frames.length - 1];
        assert.equal(last.module, 'io.sentry.example.ApiRequest');
        assert.equal(last.filename, 'ApiRequest.java');
        const r = resolver(['/w/shop'], files);
        const result = found(r.resolve(last));
        assert.equal(result.path, '/w/shop/src/main/java/io/sentry/example/ApiRequest.java');
        assert.equal(result.method, 'suffix');
        assert.equal(result.matched, 'io/sentry/example/ApiRequest.java');

        const inApp = frames.filter((f) => f.inApp).map((f) => r.resolve(f));
        assert.deepEqual(
          inApp.map((res) => (res.found && !res.ambiguous ? res.path.split('/').pop() : undefined)),
          ['Application.java', 'Sidebar.java', 'ApiRequest.java'],
        );
      }),
    );

    withSharedFixtures("Sentry's sample events", (test) =>
      test('leaves framework frames (java.lang.Thread) unresolved even when a file has that name', () => {
        const frames = apiFramesOf('api-issue-oldest-event-java.sentry-docs.json');
        const thread = frames.find((f) => f.module === 'java.lang.Thread');
        assert.ok(thread);
        assert.equal(resolver(['/w/shop'], files).resolve(thread).found, false);
      }),
    );

    it('strips $Inner and reads Kotlin file names and R8 "SourceFile"', () => {
      const r = resolver(['/w/app'], ['/w/app/app/src/main/kotlin/com/acme/cart/CartViewModel.kt', '/w/app/app/src/main/kotlin/com/acme/cart/Utils.kt']);
      const inner = found(r.resolve(frame({ module: 'com.acme.cart.CartViewModel$load$1', filename: 'CartViewModel.kt' })));
      assert.equal(inner.path, '/w/app/app/src/main/kotlin/com/acme/cart/CartViewModel.kt');
      const topLevel = found(r.resolve(frame({ module: 'com.acme.cart.UtilsKt', filename: 'Utils.kt' })));
      assert.equal(topLevel.path, '/w/app/app/src/main/kotlin/com/acme/cart/Utils.kt');
      const obfuscated = found(r.resolve(frame({ module: 'com.acme.cart.CartViewModel', filename: 'SourceFile', platform: 'java' })));
      assert.equal(obfuscated.path, '/w/app/app/src/main/kotlin/com/acme/cart/CartViewModel.kt');
    });
  });

  describe('.NET', () => {
    const files = ['/home/me/shop/src/Shop.Api/Controllers/OrdersController.cs', '/home/me/shop/src/Foo.cs'];

    it('strips build-server checkouts from Windows paths', () => {
      const r = resolver(['/home/me/shop'], files);
      const teamCity = found(r.resolve(frame({ absPath: 'C:\\BuildAgent\\work\\3f2a9c\\src\\Shop.Api\\Controllers\\OrdersController.cs' })));
      assert.equal(teamCity.path, '/home/me/shop/src/Shop.Api/Controllers/OrdersController.cs');
      assert.equal(teamCity.method, 'prefix');
      assert.equal(found(r.resolve(frame({ absPath: 'C:\\build\\agent\\src\\Foo.cs' }))).path, '/home/me/shop/src/Foo.cs');
      assert.equal(found(r.resolve(frame({ absPath: 'D:\\a\\1\\s\\src\\Shop.Api\\Controllers\\OrdersController.cs' }))).path, files[0]);
      assert.equal(found(r.resolve(frame({ absPath: '/_/src/Shop.Api/Controllers/OrdersController.cs' }))).path, files[0]);
    });

    it('ignores case only as a fallback, for Windows-ish frames and (issue 6 point 12) any frame with no exact-case file', () => {
      const r = resolver(['/home/me/shop'], files);
      const result = found(r.resolve(frame({ absPath: 'D:\\a\\1\\s\\SRC\\shop.api\\controllers\\orderscontroller.cs' })));
      assert.equal(result.path, files[0]);
      assert.equal(found(r.resolve(frame({ absPath: '/app/SRC/shop.api/controllers/orderscontroller.cs' }))).path, files[0]);
    });

    it('matches by suffix when the build folder is unknown', () => {
      const r = resolver(['c:\\Users\\me\\shop'], ['c:\\Users\\me\\shop\\src\\Shop.Api\\Controllers\\OrdersController.cs']);
      const result = found(r.resolve(frame({ absPath: 'E:\\agents\\7\\checkout\\src\\Shop.Api\\Controllers\\OrdersController.cs' })));
      assert.equal(result.path, 'c:\\Users\\me\\shop\\src\\Shop.Api\\Controllers\\OrdersController.cs');
      assert.equal(result.method, 'suffix');
    });
  });

  describe('Go', () => {
    it('strips CI checkouts and reads import paths', () => {
      const r = resolver(['/w/svc'], ['/w/svc/internal/api/handler.go', '/w/svc/internal/store/store.go', '/w/svc/cmd/svc/main.go']);
      assert.equal(found(r.resolve(frame({ absPath: '/home/runner/work/svc/svc/internal/api/handler.go' }))).path, '/w/svc/internal/api/handler.go');
      const byModule = found(r.resolve(frame({ module: 'github.com/acme/svc/internal/store', filename: 'store.go', absPath: '/opt/build/store.go' })));
      assert.equal(byModule.path, '/w/svc/internal/store/store.go');
      const gopath = found(r.resolve(frame({ absPath: '/go/src/github.com/acme/svc/cmd/svc/main.go' })));
      assert.equal(gopath.path, '/w/svc/cmd/svc/main.go');
    });

    it('reads the module cache as a library', () => {
      const f = frame({ absPath: '/home/runner/go/pkg/mod/github.com/getsentry/sentry-go@v0.27.0/client.go', module: 'github.com/getsentry/sentry-go' });
      assert.equal(resolver(['/w/svc'], ['/w/svc/client.go.txt']).resolve(f).found, false);
      const result = found(resolver(['/w/sentry-go'], ['/w/sentry-go/client.go']).resolve(f));
      assert.equal(result.path, '/w/sentry-go/client.go');
      assert.equal(result.library, true);
    });
  });

  describe('Ruby', () => {
    it('strips /app/ (so /app/app/models stays app/models)', () => {
      const r = resolver(['/w/rails-app'], ['/w/rails-app/app/models/user.rb', '/w/rails-app/lib/user.rb']);
      const result = found(r.resolve(frame({ absPath: '/app/app/models/user.rb', filename: 'app/models/user.rb', inApp: true })));
      assert.equal(result.path, '/w/rails-app/app/models/user.rb');
    });

    it('reads gems as libraries, found in a checkout of the gem', () => {
      const f = frame({ absPath: '/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/base.rb', filename: 'active_record/base.rb' });
      assert.equal(resolver(['/w/rails-app'], ['/w/rails-app/app/models/base.rb']).resolve(f).found, false);
      const rails = found(resolver(['/w/rails'], ['/w/rails/activerecord/lib/active_record/base.rb', '/w/rails/activemodel/lib/active_model/base.rb']).resolve(f));
      assert.equal(rails.path, '/w/rails/activerecord/lib/active_record/base.rb');
      assert.equal(rails.library, true);
    });
  });

  describe('PHP', () => {
    it('strips /var/www/html/ and treats vendor/ as a library', () => {
      const r = resolver(['/w/site'], ['/w/site/src/Controller/HomeController.php', '/w/site/src/HttpKernel.php']);
      const result = found(r.resolve(frame({ absPath: '/var/www/html/src/Controller/HomeController.php', inApp: true })));
      assert.equal(result.path, '/w/site/src/Controller/HomeController.php');
      const vendor = r.resolve(frame({ absPath: '/var/www/html/vendor/symfony/http-kernel/HttpKernel.php' }));
      assert.equal(vendor.found, false);
    });
  });

  it('reports "not found" for frames without any path or module', () => {
    const r = resolver(['/w/p'], ['/w/p/a.py']);
    const result = r.resolve(frame({ function: 'main' }));
    assert.equal(result.found, false);
    assert.match(result.found ? '' : result.reason, /no file name, path or module/);
    assert.equal(r.resolve(frame({ absPath: '<anonymous>' })).found, false);
    assert.equal(r.resolve(frame({ absPath: '[native code]' })).found, false);
    assert.equal(r.resolve(frame({ absPath: 'node:internal/process/task_queues' })).found, false);
  });
});

describe("source/frameResolver on the project's own platform events (test/fixtures/platforms)", () => {
  it('Python SDK (store form): filename main.py under an absolute path maps to the project file', () => {
    const frames = storeExceptionFrames('own/platforms/store-python.json');
    assert.equal(frames.length, 2);
    const r = resolver(['/home/dev/shop-worker'], ['/home/dev/shop-worker/main.py', '/home/dev/shop-worker/lib/main.py']);
    for (const f of frames) {
      const result = found(r.resolve(f));
      assert.equal(result.path, '/home/dev/shop-worker/main.py');
      assert.equal(result.method, 'prefix');
    }
  });

  it('Python (API form): a library in a virtualenv checkout, through filename and module, and by suffix in a monorepo', () => {
    const frames = apiFramesOf('own/platforms/api-python.json');
    assert.equal(frames.length, 3);
    assert.equal(frames[1].module, 'acmelib.client');
    const checkout = resolver(['/w/acmelib'], ['/w/acmelib/acmelib/client.py', '/w/acmelib/acmelib/scripts/runner.py', '/w/acmelib/tests/client.py']);
    assert.equal(found(checkout.resolve(frames[1])).path, '/w/acmelib/acmelib/client.py');
    assert.equal(found(checkout.resolve(frames[0])).path, '/w/acmelib/acmelib/scripts/runner.py');
    const mono = resolver(['/w/mono'], ['/w/mono/libs/acmelib/acmelib/client.py', '/w/mono/libs/acmelib/acmelib/scripts/runner.py', '/w/mono/app/client.py']);
    const result = found(mono.resolve(frames[1]));
    assert.equal(result.path, '/w/mono/libs/acmelib/acmelib/client.py');
    assert.equal(result.method, 'suffix');
    assert.equal(result.matchedSegments, 3);
  });

  it('source-mapped browser JS: webpack://[name]/./src/…, the namespace picks the package; map-only and minified frames stay unresolved', () => {
    const frames = storeExceptionFrames('own/platforms/store-js-webpack.json');
    const app = frames[frames.length - 1];
    assert.equal(app.absPath, 'webpack://shop-web/./src/cart.js');
    const site = resolver(['/w/site'], ['/w/site/src/cart.js', '/w/site/dist/main.js']);
    const result = found(site.resolve(app));
    assert.deepEqual([result.path, result.method], ['/w/site/src/cart.js', 'prefix']);
    assert.equal(site.resolve(frames[0]).found, false, 'a frame that only names the bundle map under dist/');
    for (const raw of storeExceptionFrames('own/platforms/store-js-webpack.json', 'raw_stacktrace')) assert.equal(site.resolve(raw).found, false);
    const mono = resolver(['/w/mono'], ['/w/mono/packages/other/src/cart.js', '/w/mono/packages/shop-web/src/cart.js']);
    const picked = found(mono.resolve(app));
    assert.deepEqual([picked.path, picked.method], ['/w/mono/packages/shop-web/src/cart.js', 'suffix']);
  });

  it('Java: module + bare file name below src/main/java; framework frames stay unresolved', () => {
    const files = [
      '/w/shop/src/main/java/com/acme/shop/ApiRequest.java',
      '/w/shop/src/main/java/com/acme/shop/Application.java',
      '/w/shop/src/main/java/com/acme/shop/Sidebar.java',
      '/w/shop/src/test/java/com/acme/shop/ApiRequestTest.java',
      '/w/shop/tools/Thread.java',
    ];
    const frames = apiFramesOf('own/platforms/api-java.json');
    const r = resolver(['/w/shop'], files);
    const last = found(r.resolve(frames[frames.length - 1]));
    assert.deepEqual([last.path, last.method, last.matched], ['/w/shop/src/main/java/com/acme/shop/ApiRequest.java', 'suffix', 'com/acme/shop/ApiRequest.java']);
    const inApp = frames.filter((f) => f.inApp).map((f) => r.resolve(f));
    assert.deepEqual(inApp.map((res) => (res.found && !res.ambiguous ? res.path.split('/').pop() : undefined)), ['Application.java', 'Sidebar.java', 'ApiRequest.java']);
    const thread = frames.find((f) => f.module === 'java.lang.Thread');
    assert.ok(thread);
    assert.equal(r.resolve(thread).found, false);
  });
});
