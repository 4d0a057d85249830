import * as assert from 'assert';
import * as vscode from 'vscode';
import type { SentryExplorerApi } from '../../../src/extension';
import { DEMO } from '../../fixtures/demo/demoConstants';
import { child, extensionApi, frameByFunction, issueByShortId, resetServer } from './helpers';

describe('frame tooltip: local variables', () => {
  let api: SentryExplorerApi;

  before(async () => {
    api = await extensionApi();
    await resetServer();
    await vscode.commands.executeCommand('sentry.refresh');
  });

  it("shows a frame's first variables as escaped, untrusted Markdown", async () => {
    const issue = DEMO.issues.outOfStock;
    const org = await child(api, undefined, DEMO.organizations.demo.name);
    const project = await child(api, org, issue.project);
    const latest = await child(api, await issueByShortId(api, project, issue.shortId), 'Latest event');
    const frame = await frameByFunction(api, latest, DEMO.frames.exact.function);
    const tooltip = frame.getTreeItem().tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString, 'a Markdown tooltip');
    assert.strictEqual(tooltip.isTrusted, false);
    const variables = tooltip.value.slice(tooltip.value.indexOf('**Variables**'));
    assert.match(variables, /^\*\*Variables\*\*\n\nsession = \\<sqlalchemy\.orm\.session\.Session object at 0x7f3a2c1d5e10\\> {2}\n/);
    assert.match(variables, /\nline = CartLine\(sku='[A-Z0-9-]+', quantity=\d, unit\\_price=1999\) {2}\n/);
    assert.match(variables, /\n… and 1 more$/);
  });
});
