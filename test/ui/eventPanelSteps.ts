// The event detail panel, driven like a user in the real VS Code: click an event row, open folded
// parts inside the webview, screenshots in the dark and the light theme, the header's Bookmark and
// Remove Bookmark buttons (the page's message, the issue command, Sentry and the tree row), click a
// frame into the editor, and no Content-Security-Policy violation in the webview's console (with a
// check that such a violation would have been seen).
import * as path from 'path';
import type { BrowserContext, ConsoleMessage, Frame, Page } from 'playwright-core';

export interface PanelStepOptions {
  resultsDir: string;
  log(message: string): void;
  timeout: number;
  /** What the Sentry test server has received so far. */
  serverRequests(): ReadonlyArray<{ method: string; path: string }>;
}

const CSP_MESSAGE = /Content[ -]Security[ -]Policy|Refused to (load|execute|apply|connect|frame)/i;

/** Console messages about CSP, from every frame of the page (webviews are nested iframes). */
export function watchCspMessages(context: BrowserContext): string[] {
  const seen: string[] = [];
  context.on('console', (message: ConsoleMessage) => {
    if (CSP_MESSAGE.test(message.text())) seen.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  return seen;
}

/**
 * Sets the `workbench.colorTheme` setting the way a user does, with "Preferences: Color Theme" (a
 * settings file written from outside is not always noticed by code-server's file watcher). The
 * picker lists themes by label ("Dark Modern"), the setting holds their id.
 */
async function setColorTheme(page: Page, label: 'Dark Modern' | 'Light Modern', timeout: number): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click({ timeout });
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`^\\s*${label}\\b`) }).first().click({ timeout });
  await page.locator(`.monaco-workbench.${label.startsWith('Dark') ? 'vs-dark' : 'vs'}`).waitFor({ timeout });
}

/** The frame holding the panel's page, once its body is there. */
export async function panelFrame(page: Page, timeout: number): Promise<Frame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator('#event-detail .event-header').count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the event panel did not show an event');
}

export async function eventPanel(page: Page, csp: string[], o: PanelStepOptions): Promise<void> {
  const rows = page.locator('.monaco-list-row[role="treeitem"]');
  await rows.filter({ hasText: /^\s*Latest event/ }).first().click();
  o.log('clicked the row "Latest event" of API-SERVER-1');
  const frame = await panelFrame(page, o.timeout);
  const headline = (await frame.locator('.event-header h1').innerText()).trim();
  if (!/^OutOfStockError: /.test(headline)) throw new Error(`the panel's headline is ${JSON.stringify(headline)}`);
  await page.locator('.tabs-container .tab.active', { hasText: 'OutOfStockError' }).waitFor({ timeout: o.timeout });
  o.log(`panel: ${JSON.stringify(headline)}`);

  // A folded run of library frames, then one of its frames: its body arrives from the extension.
  const group = frame.locator('details.library-group').first();
  await group.locator(':scope > summary').click();
  const library = group.locator('details.frame.library').first();
  await library.locator(':scope > summary .fn').click();
  await library.locator('.frame-body table.code').waitFor({ timeout: o.timeout });
  o.log(`opened library frame ${JSON.stringify((await library.locator(':scope > summary .fn').innerText()).trim())}: its context lines arrived`);

  // The raising frame's variables: folded, then opened again like a user does; a nested value too
  // when the event has one.
  const raising = frame.locator('details.frame.in-app[open]', { has: frame.locator('.fn', { hasText: /^reserve_stock$/ }) }).first();
  const vars = raising.locator('details.vars').first();
  const firstName = vars.locator('table.kv th').first();
  await firstName.waitFor({ timeout: o.timeout });
  await vars.locator(':scope > summary').click();
  await firstName.waitFor({ state: 'hidden', timeout: o.timeout });
  await vars.locator(':scope > summary').click();
  await firstName.waitFor({ timeout: o.timeout });
  o.log(`folded and opened ${JSON.stringify((await vars.locator(':scope > summary').innerText()).trim())} of reserve_stock: first name ${JSON.stringify((await firstName.innerText()).trim())}`);
  const nested = frame.locator('details.vars details.v-nested').first();
  if (await nested.count()) {
    await nested.locator(':scope > summary').click();
    await nested.locator('table.kv').first().waitFor({ timeout: o.timeout });
    o.log('opened a nested variable');
  }
  // The sections below the stack trace (breadcrumbs, tags…) are there too.
  await frame.locator('details.section-tags').waitFor({ timeout: o.timeout });

  // The same page in both themes: the panel follows the theme through --vscode-* variables only.
  await frame.evaluate('window.scrollTo(0, 0)');
  for (const [theme, file, bodyClass] of [
    ['Dark Modern', 'sentry-event-panel-dark.png', 'vscode-dark'],
    ['Light Modern', 'sentry-event-panel-light.png', 'vscode-light'],
  ] as const) {
    await setColorTheme(page, theme, o.timeout);
      await frame.locator(`body.${bodyClass}`).waitFor({ timeout: o.timeout });
    await page.mouse.move(1000, 600); // off the tab, whose hover would cover the header
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(o.resultsDir, file) });
    o.log(`screenshot: test-results/${file} (color theme ${theme})`);
  }

  await issueActionButtons(page, frame, o);

  // A frame's location in the panel opens the local file beside it, at the line.
  await raising.locator(':scope > summary button.frame-link').click();
  await page.locator('.tabs-container .tab.active', { hasText: 'service.py' }).waitFor({ timeout: o.timeout });
  const status = page.locator('.statusbar-item[id$="status.editor.selection"]');
  await status.filter({ hasText: /Ln 24,/ }).waitFor({ timeout: o.timeout });
  o.log(`clicked reserve_stock in the panel: service.py, ${(await status.innerText()).trim()}`);

  if (csp.length > 0) throw new Error(`Content-Security-Policy violations in the webview:\n${csp.join('\n')}`);
  // The check above sees the webview's console: a remote image the page's policy refuses is reported.
  await frame.evaluate("document.body.append(Object.assign(document.createElement('img'), { src: 'https://example.invalid/tracking.png' }))");
  const deadline = Date.now() + 5_000;
  while (csp.length === 0 && Date.now() < deadline) await page.waitForTimeout(100);
  if (!csp.some((line) => /example\.invalid/.test(line))) throw new Error('a refused remote image was not reported in the console: the CSP check would miss violations');
  o.log(`no CSP violation while the panel was used; a planted remote image was refused and reported: ${JSON.stringify(csp[0].slice(0, 120))}…`);
}

/**
 * The header's issue actions, clicked in the page: Bookmark reaches Sentry (a PUT of the panel's
 * issue), the header then offers Remove Bookmark and shows the star, and the tree row shows it too;
 * Remove Bookmark puts everything back.
 */
async function issueActionButtons(page: Page, frame: Frame, o: PanelStepOptions): Promise<void> {
  const button = (action: string) => frame.locator(`.event-header .issue-actions button[data-issue-action="${action}"]`);
  const row = page.locator('.monaco-list-row[role="treeitem"]', { hasText: /API-SERVER-1\s+OutOfStock/ }).first();
  const puts = () => o.serverRequests().filter((r) => r.method === 'PUT' && r.path === '/api/0/organizations/demo-org/issues/6100000001/').length;
  const offered = (await frame.locator('.event-header .issue-actions button').allInnerTexts()).map((t) => t.trim());
  o.log(`the header offers ${JSON.stringify(offered)}`);
  const before = puts();
  await button('bookmark').click();
  await button('unbookmark').waitFor({ timeout: o.timeout });
  await frame.locator('.event-header .issue-bookmarked').waitFor({ timeout: o.timeout });
  await row.filter({ hasText: '★' }).waitFor({ timeout: o.timeout });
  for (const started = Date.now(); puts() === before; await page.waitForTimeout(100)) {
    if (Date.now() - started > o.timeout) throw new Error('Bookmark in the panel sent Sentry nothing');
  }
  o.log('clicked Bookmark in the panel: Sentry took it, the header offers Remove Bookmark with the star, the tree row shows ★');
  await button('unbookmark').click();
  await button('bookmark').waitFor({ timeout: o.timeout });
  await frame.locator('.event-header .issue-bookmarked').waitFor({ state: 'detached', timeout: o.timeout });
  for (const started = Date.now(); (await row.innerText()).includes('★'); await page.waitForTimeout(100)) {
    if (Date.now() - started > o.timeout) throw new Error('the tree row still shows the bookmark after Remove Bookmark in the panel');
  }
  if (puts() !== before + 2) throw new Error(`expected two PUTs of API-SERVER-1, saw ${puts() - before}`);
  o.log('clicked Remove Bookmark: the header and the row are back as they were');
}
