// UI end-to-end test: drives the real VS Code workbench (code-server + headless chromium) like a
// user. The token is in SENTRY_AUTH_TOKEN and the workspace's .sentryclirc names the server, so the
// first look at the "Sentry" view asks before sending the token there; then it expands "Demo Org" →
// "api-server", checks issue rows appear, saves test-results/sentry-tree.png, jumps to a frame,
// opens the event detail panel and clicks into it (eventPanelSteps.ts: screenshots in the dark and
// the light theme, the header's Bookmark buttons, no CSP violation), types into Sentry: Search Issues (saves
// test-results/sentry-search.png), picks a result and signs out. Prints `ui: N passed, N failed`; exit 0/1.
//
//   npm run build && npx tsc -p . && node out/test/ui/browseTree.ui.js
//
// Tree rows are `.monaco-list-row[role="treeitem"]`, matched by visible text (a row's aria-label
// is its tooltip, not its label).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Locator, Page, Browser } from 'playwright-core';
import { startSentryTestServer } from '../server/sentryTestServer';
import { eventPanel, panelFrame, watchCspMessages } from './eventPanelSteps';
import type { SentryTestServer } from '../server/testServerTypes';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cs: typeof import('../tools/codeServer') = require(path.join(ROOT, 'test', 'tools', 'codeServer.js'));
const RESULTS_DIR = path.join(ROOT, 'test-results');
const SHOT = path.join(RESULTS_DIR, 'sentry-tree.png');
const FRAME_SHOT = path.join(RESULTS_DIR, 'sentry-frame.png');
const SEARCH_SHOT = path.join(RESULTS_DIR, 'sentry-search.png');
const STEP_TIMEOUT = 60_000;
/** SEARCH_DEBOUNCE_MS of src/views/search/issueSearch.ts (which imports vscode, so not imported here). */
const SEARCH_DEBOUNCE_MS = 250;

const t0 = Date.now();
const log = (msg: string): void => console.log(`  [${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

/** Expand a collapsed tree row the way a user would: click it; fall back to the keyboard. */
async function expand(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.click();
  try {
    await row.and(row.page().locator('[aria-expanded="true"]')).waitFor({ timeout: 3_000 });
  } catch {
    await row.press('ArrowRight');
    await row.and(row.page().locator('[aria-expanded="true"]')).waitFor({ timeout: STEP_TIMEOUT });
  }
}

/** Cosmetic, for a readable screenshot: drag the side bar's edge to the right. Never fails the test. */
async function widenSideBar(page: Page): Promise<void> {
  try {
    const box = await page.locator('.monaco-sash.vertical.primary-sidebar-sash').boundingBox({ timeout: 2_000 });
    if (!box) return;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 250, y, { steps: 5 });
    await page.mouse.up();
    await page.mouse.move(x + 600, y); // off the sash, so it is not drawn highlighted
    await page.waitForTimeout(500);
  } catch { /* keep the default width */ }
}

async function browseTree(page: Page, url: string, sentry: SentryTestServer): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 120_000 });
  log('workbench is up');

  const tab = page.getByRole('tab', { name: /Sentry/ });
  await tab.waitFor({ timeout: STEP_TIMEOUT });
  // Clicking an already-selected container would collapse the side bar.
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  log('opened the Sentry view');
  await allowWorkspaceServer(page, sentry);

  const rows = page.locator('.monaco-list-row[role="treeitem"]');
  const org = rows.filter({ hasText: /Demo Org/ }).first();
  await org.waitFor({ timeout: STEP_TIMEOUT });
  await expand(org);
  log('expanded "Demo Org"');

  const project = rows.filter({ hasText: /\bapi-server\b/ }).first(); // case-sensitive: not the API-SERVER-n issues
  await project.waitFor({ timeout: STEP_TIMEOUT });
  await expand(project);
  log('expanded "api-server"');

  const issues = rows.filter({ hasText: /API-SERVER-\d+/ });
  await issues.first().waitFor({ timeout: STEP_TIMEOUT });
  const texts = (await issues.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
  log(`${texts.length} issue row(s) visible, e.g. ${JSON.stringify(texts[0])}`);

  await widenSideBar(page);
  await page.screenshot({ path: SHOT });
  log(`screenshot: ${path.relative(ROOT, SHOT)}`);
}

/**
 * The workspace's .sentryclirc names the server but the token comes from SENTRY_AUTH_TOKEN: a modal
 * asks first, and nothing reaches the server before the user agrees.
 */
async function allowWorkspaceServer(page: Page, sentry: SentryTestServer): Promise<void> {
  const host = new URL(sentry.url).host;
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: STEP_TIMEOUT });
  const question = (await dialog.innerText()).replace(/\s+/g, ' ');
  if (!question.includes(`Send your Sentry token to ${host}?`) || !/the token comes from SENTRY_AUTH_TOKEN/.test(question)) {
    throw new Error(`the consent dialog does not name the server and the token's source: ${JSON.stringify(question)}`);
  }
  if (sentry.requests.length > 0) throw new Error(`${sentry.requests.length} request(s) reached the server before the user agreed`);
  log(`consent dialog: ${JSON.stringify(question.slice(0, 90))}…; no request sent yet`);
  await dialog.getByRole('button', { name: `Send the Token to ${host}` }).click();
}

/** From an issue to the line that raised it: issue → latest event → exception → click the frame. */
async function jumpToFrame(page: Page): Promise<void> {
  const rows = page.locator('.monaco-list-row[role="treeitem"]');
  await expand(rows.filter({ hasText: /API-SERVER-1\s+OutOfStock/ }).first());
  log('expanded API-SERVER-1');
  const latest = rows.filter({ hasText: /^\s*Latest event/ }).first();
  await latest.waitFor({ timeout: STEP_TIMEOUT });
  await expand(latest);
  const frame = rows.filter({ hasText: /reserve_stock\s*api\/orders\/service\.py:24/ }).first();
  await frame.waitFor({ timeout: STEP_TIMEOUT });
  await frame.click();
  log('clicked the frame reserve_stock');
  await page.locator('.tabs-container .tab.active', { hasText: 'service.py' }).waitFor({ timeout: STEP_TIMEOUT });
  const status = page.locator('.statusbar-item[id$="status.editor.selection"]');
  await status.filter({ hasText: /Ln 24,/ }).waitFor({ timeout: STEP_TIMEOUT });
  log(`editor: service.py, ${(await status.innerText()).trim()}`);
  await page.screenshot({ path: FRAME_SHOT });
  log(`screenshot: ${path.relative(ROOT, FRAME_SHOT)}`);
}

/**
 * `Sentry: Search Issues` from the command palette: typing a query at a typist's pace sends one
 * request per pause, not one per key (debounced), the last for the whole text; the results are Sentry's, the title-bar button narrows them to the project
 * expanded earlier, and Enter reveals the picked issue in the tree with its latest event open.
 */
async function searchFromThePalette(page: Page, sentry: SentryTestServer): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_TIMEOUT });
  await input.fill('>Sentry: Search Issues');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Sentry: Search Issues' }).first().waitFor({ timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: /Search Issues in all projects of Demo Org/ }).waitFor({ timeout: STEP_TIMEOUT });
  const searches = (): Array<{ query: string[] | undefined; project: string[] | undefined }> =>
    sentry.requests
      .filter((r) => r.path === '/api/0/organizations/demo-org/issues/' && r.query.limit?.[0] !== '1' && r.query.query !== undefined)
      .map((r) => ({ query: r.query.query, project: r.query.project }));
  const before = searches().length;
  // When each key reached the box: on a loaded machine a key sent 60 ms after the last can arrive much later,
  // and a pause as long as the debounce rightly lets a search go (the integration suite types at a pace it controls).
  await input.evaluate((element) => {
    const box = element as unknown as { sentryKeyTimes?: number[]; addEventListener(type: string, listener: () => void): void };
    box.sentryKeyTimes = [];
    box.addEventListener('input', () => box.sentryKeyTimes?.push(performance.now()));
  });
  const text = 'level:error';
  await page.keyboard.type(text, { delay: 60 });
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ hasText: /API-SERVER-|WEB-FRONTEND-|PAYMENTS-|WORKER-/ }).first().waitFor({ timeout: STEP_TIMEOUT });
  await page.waitForTimeout(500);
  const keyTimes = await input.evaluate((element) => (element as unknown as { sentryKeyTimes?: number[] }).sentryKeyTimes ?? []);
  const gaps = keyTimes.slice(1).map((time, i) => Math.round(time - keyTimes[i]));
  // A gap a little under the debounce can still be one in the extension host, after the trip from the page.
  const pauses = gaps.filter((gap) => gap >= SEARCH_DEBOUNCE_MS * 0.6).length;
  // One search more is allowed: the trip from the page to the extension host, not seen in these gaps, can
  // stretch one of them past the debounce on a loaded machine. Eleven keys still never make eleven searches.
  const allowed = 2 + pauses;
  const typed = searches().slice(before);
  if (typed.length === 0 || typed.length > allowed || typed.at(-1)?.query?.[0] !== text) {
    throw new Error(
      `typing ${text.length} characters with ${pauses} pause(s) should send at most ${allowed} search(es), the last for "${text}"; ` +
        `sent: ${JSON.stringify(typed)}; gaps between keys (ms): ${gaps.join(', ')}`,
    );
  }
  log(`typed "${text}" (${text.length} keys, sent 60 ms apart, longest gap ${Math.max(...gaps)} ms, ${pauses} pause(s)): ${typed.length} request(s), project=${typed.at(-1)?.project?.join(',')}`);
  await page.screenshot({ path: SEARCH_SHOT });
  log(`screenshot: ${path.relative(ROOT, SEARCH_SHOT)}`);

  await page.locator('.quick-input-widget').getByRole('button', { name: /Search only api-server/ }).click();
  await page.locator('.quick-input-widget .quick-input-title', { hasText: /project api-server/ }).waitFor({ timeout: STEP_TIMEOUT });
  const onlyApiServer = async (): Promise<boolean> => {
    const texts = await rows.allInnerTexts();
    const issues = texts.filter((t) => /[A-Z]+(?:-[A-Z]+)*-[0-9A-Z]+\s/.test(t) && !/recent search/.test(t));
    return issues.length > 0 && issues.every((t) => t.includes('API-SERVER-'));
  };
  for (const started = Date.now(); !(await onlyApiServer()); await page.waitForTimeout(100)) {
    if (Date.now() - started > STEP_TIMEOUT) throw new Error('the project scope still shows issues of other projects');
  }
  const scoped = searches().at(-1);
  if (scoped?.project?.[0] !== '4500002') throw new Error(`the project scope sends the project id: ${JSON.stringify(scoped)}`);
  log('the title-bar button narrowed the search to api-server');
  const first = (await rows.filter({ hasText: /API-SERVER-/ }).first().innerText()).replace(/\s+/g, ' ').trim();
  await page.keyboard.press('Enter');
  const latest = page.locator('.monaco-list-row[role="treeitem"].selected', { hasText: /Latest event/ });
  await latest.waitFor({ timeout: STEP_TIMEOUT });
  const shortId = /^API-SERVER-[0-9A-Z]+/.exec(first)?.[0] ?? 'API-SERVER-';
  await page.locator('.tabs-container .tab.active .label-name', { hasText: first.slice(shortId.length).trim().split(':')[0] }).waitFor({ timeout: STEP_TIMEOUT });
  const panel = await panelFrame(page, STEP_TIMEOUT);
  const issueLine = (await panel.locator('.event-header .issue').innerText()).replace(/\s+/g, ' ').trim();
  if (!issueLine.startsWith(shortId)) throw new Error(`the panel in front shows ${JSON.stringify(issueLine)}, not the picked ${shortId}`);
  log(`picked ${JSON.stringify(first.slice(0, 60))}: the tree shows its "Latest event", selected, and the panel in front shows that event of ${shortId}`);
  // The keyboard is in the panel now, as after reading the event there: the palette opens from inside it.
  await panel.locator('.event-header h1').click();
}

/**
 * Sign out from the command palette. The token comes from SENTRY_AUTH_TOKEN, which Sign Out cannot
 * delete: a modal says so and offers to ignore it in this workspace; then the welcome view says it
 * is ignored, with Sign In and a way to use it again.
 */
async function signOutShowsWelcome(page: Page): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_TIMEOUT });
  await input.fill('>Sentry: Sign Out');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Sentry: Sign Out' }).first().waitFor({ timeout: STEP_TIMEOUT });
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: STEP_TIMEOUT });
  const question = (await dialog.innerText()).replace(/\s+/g, ' ');
  if (!/environment variable SENTRY_AUTH_TOKEN/.test(question) || !/cannot remove it from there/.test(question)) {
    throw new Error(`the Sign Out dialog does not explain where the token stays: ${JSON.stringify(question)}`);
  }
  log(`sign-out dialog: ${JSON.stringify(question.slice(0, 100))}…`);
  await dialog.getByRole('button', { name: 'Ignore It in This Workspace' }).click();
  const welcome = page.locator('.welcome-view-content');
  await welcome.getByRole('button', { name: 'Sign In' }).waitFor({ timeout: STEP_TIMEOUT });
  await welcome.getByRole('button', { name: 'Use That Token Again' }).waitFor({ timeout: STEP_TIMEOUT });
  log(`welcome view: ${JSON.stringify((await welcome.innerText()).replace(/\s+/g, ' ').slice(0, 80))}…`);
}

async function main(): Promise<number> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentry-ui-'));
  const workspace = path.join(runDir, 'workspace');
  const fixture = path.join(ROOT, 'test', 'fixtures', 'sample-workspace');
  if (fs.existsSync(fixture)) fs.cpSync(fixture, workspace, { recursive: true });
  else fs.mkdirSync(workspace);
  const home = path.join(runDir, 'home'); // nothing from the developer's ~ (e.g. ~/.sentryclirc)
  fs.mkdirSync(home);

  const sentry = await startSentryTestServer();
  fs.writeFileSync(path.join(workspace, '.sentryclirc'), `[defaults]\nurl=${sentry.url}\n`);
  let server: import('../tools/codeServer').CodeServer | undefined;
  let browser: Browser | undefined;
  const cleanup = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await sentry.close();
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => { void cleanup().finally(() => process.exit(130)); });
  }

  console.log('browse the Sentry tree in VS Code');
  let ok = false;
  let panelOk = false;
  try {
    server = await cs.startCodeServer({
      runDir,
      workspaceFolder: workspace,
      extensionDevelopmentPaths: [ROOT],
      smokeTestDriver: true, // without it the workbench ignores the development-extension payload
      env: { SENTRY_AUTH_TOKEN: 'demo-token', HOME: home },
    });
    log(`code-server ${server.origin}, Sentry test server ${sentry.url}`);
    browser = await cs.launchChromium({ runDir });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (process.env.SENTRY_EXPLORER_HARNESS_DEBUG === '1') {
      page.on('console', (m) => console.log(`  [browser ${m.type()}] ${m.text()}`));
    }
    const csp = watchCspMessages(page.context());
    try {
      await browseTree(page, server.url, sentry);
      await jumpToFrame(page);
      try {
        await eventPanel(page, csp, { resultsDir: RESULTS_DIR, log, timeout: STEP_TIMEOUT, serverRequests: () => sentry.requests });
        panelOk = true;
        console.log('  ✔ event panel: a row click opens it; a library frame opens inside it and the raising frame\'s variables fold and open again; screenshots in the dark and light theme; Bookmark and Remove Bookmark in its header reach Sentry and the tree row; a frame click opens service.py at line 24; no CSP violation');
      } catch (err) {
        console.log(`  ✘ event panel\n    ${err instanceof Error ? err.message.split('\n').join('\n    ') : String(err)}`);
        const failShot = path.join(RESULTS_DIR, 'sentry-event-panel-failure.png');
        await page.screenshot({ path: failShot }).catch(() => undefined);
        console.log(`    screenshot of the failure: ${path.relative(ROOT, failShot)}`);
      }
      await searchFromThePalette(page, sentry);
      await signOutShowsWelcome(page);
      ok = true;
      console.log(
        '  ✔ consent before the token goes to the workspace\'s server; Demo Org → api-server → issues; a frame click opens service.py at line 24; ' +
          'Search Issues: one request for a typed query, narrowed to the project, Enter reveals the latest event; ' +
          'Sign Out explains the SENTRY_AUTH_TOKEN, ignores it here and shows the welcome view',
      );
    } catch (err) {
      console.log(`  ✘ browse to an issue and jump to its frame\n    ${err instanceof Error ? err.message.split('\n').join('\n    ') : String(err)}`);
      const visible = await page.locator('.monaco-list-row[role="treeitem"]').allInnerTexts().catch(() => [] as string[]);
      console.log(`    tree rows: ${JSON.stringify(visible.map((v) => v.replace(/\s+/g, ' ').trim()))}`);
      const failShot = SHOT.replace(/\.png$/, '-failure.png');
      await page.screenshot({ path: failShot }).catch(() => undefined);
      console.log(`    screenshot of the failure: ${path.relative(ROOT, failShot)}`);
      console.log(`    code-server log (last lines):\n${server.logTail(20)}`);
    }
  } catch (err) {
    console.log(`  ✘ harness error: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await cleanup();
    fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  }
  const passed = (ok ? 1 : 0) + (panelOk ? 1 : 0);
  const failed = 2 - passed;
  fs.writeFileSync(path.join(RESULTS_DIR, 'ui.json'), JSON.stringify({ passes: passed, failures: failed }, null, 2));
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => { console.error(err); process.exit(1); },
);
