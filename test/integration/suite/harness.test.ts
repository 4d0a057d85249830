// Smoke test for the harness itself: the extension under development is loaded into the real
// VS Code extension host, activates, and sees the environment runTests.ts passed down.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'sentry-explorer.sentry-explorer';

describe('harness', () => {
  it('loads and activates the extension, with SENTRY_URL visible in the extension host', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);

    assert.ok(process.env.SENTRY_URL, 'SENTRY_URL is not set in the extension host');
    assert.strictEqual(process.env.SENTRY_URL, process.env.SENTRY_EXPLORER_TEST_SERVER);
    assert.match(process.env.SENTRY_URL, /^https?:\/\//);
  });
});
