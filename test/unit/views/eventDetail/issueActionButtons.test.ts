import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Issue } from '../../../../src/sentry/api/types';
import { parseEventText } from '../../../../src/sentry/event/eventParser';
import { issueActionCommand, issueActionsFor } from '../../../../src/views/eventDetail/issueActionButtons';
import type { IssueAction } from '../../../../src/views/eventDetail/protocol';
import type { IssueActionState } from '../../../../src/views/eventDetail/renderContext';
import { renderHeader } from '../../../../src/views/eventDetail/renderHeader';
import { issueContextValue, type StatusWord } from '../../../../src/views/issueState';
import { checkMarkup, decode } from './strictMarkup';

const ROOT = path.resolve(__dirname, '../../../../..');
const [event] = parseEventText(fs.readFileSync(path.join(ROOT, 'test/fixtures/events/store-event.json'), 'utf8'), 'store-event.json');

/** The header's buttons, in order, as the page's script reads them. */
function buttonsOf(html: string): Array<{ action: string; label: string; ariaLabel: string; text: string }> {
  return [...html.matchAll(/<button class="action issue-action" type="button" data-action="issueAction" data-issue-action="([a-zA-Z]+)" title="([^"]*)" aria-label="([^"]*)">(.*?)<\/button>/g)].map(
    ([, action, title, ariaLabel, inner]) => ({ action, label: decode(title), ariaLabel: decode(ariaLabel), text: decode(inner.replace(/<[^>]+>/g, '')).trim() }),
  );
}

const header = (state: IssueActionState | undefined, shortId = 'API-12') => renderHeader(event, { issueShortId: shortId, issueTitle: 'OutOfStockError', issueStatus: state?.status, issueState: state });

describe("the event panel header's issue actions", () => {
  it('an unresolved, unassigned issue: Resolve, Resolve in Next Release, Ignore…, Assign to Me, Assign…, Bookmark, Download Events…', () => {
    const buttons = buttonsOf(header({ status: 'unresolved', bookmarked: false }));
    assert.deepEqual(
      buttons.map((b) => b.action),
      ['resolve', 'resolveInNextRelease', 'ignore', 'assignToMe', 'assign', 'bookmark', 'downloadEvents'],
    );
    assert.deepEqual(
      buttons.map((b) => b.text),
      ['Resolve', 'Resolve in Next Release', 'Ignore…', 'Assign to Me', 'Assign…', 'Bookmark', 'Download Events…'],
    );
    assert.deepEqual(
      buttons.map((b) => b.ariaLabel),
      ['Resolve API-12', 'Resolve in Next Release API-12', 'Ignore API-12', 'Assign to Me API-12', 'Assign API-12', 'Bookmark API-12', 'Download Events API-12'],
      'each button names the issue it acts on',
    );
  });

  it('a resolved issue offers Unresolve and no Resolve or Ignore; an ignored one Resolve, Resolve in Next Release and Unresolve', () => {
    assert.deepEqual(
      buttonsOf(header({ status: 'resolved', bookmarked: true, assignee: 'Jane Doe' })).map((b) => b.action),
      ['unresolve', 'assign', 'unbookmark', 'downloadEvents'],
    );
    assert.deepEqual(
      buttonsOf(header({ status: 'ignored', bookmarked: false, assignee: 'team:4' })).map((b) => b.action),
      ['resolve', 'resolveInNextRelease', 'unresolve', 'assign', 'bookmark', 'downloadEvents'],
    );
  });

  it('a status Sentry has beyond these (reprocessing…) offers only assigning, bookmarking and downloading', () => {
    assert.deepEqual(buttonsOf(header({ status: 'other', bookmarked: false })).map((b) => b.action), ['assignToMe', 'assign', 'bookmark', 'downloadEvents']);
  });

  it('shows who the issue is assigned to and that it is bookmarked, escaped', () => {
    const html = header({ status: 'unresolved', bookmarked: true, assignee: '<img src=x onerror=alert(1)>' }, '<b>API-12</b>');
    checkMarkup(html);
    assert.match(html, /<span class="issue-bookmarked" title="Bookmarked"><span class="codicon codicon-star-full" aria-label="Bookmarked" role="img"><svg [^<>]*><use href="#codicon-star-full"><\/use><\/svg><\/span><\/span>/);
    assert.match(html, /<span class="issue-assignee" title="Assigned to &lt;img src=x onerror=alert\(1\)&gt;"><span class="codicon codicon-account"><svg [^<>]*><use href="#codicon-account"><\/use><\/svg><\/span> &lt;img src=x onerror=alert\(1\)&gt;<\/span>/);
    assert.ok(!html.includes('<img') && !html.includes('<b>'), 'no markup from the issue');
    assert.equal(buttonsOf(html)[0].ariaLabel, 'Resolve <b>API-12</b>', 'the short id is text in the label');
  });

  it('has no buttons while the issue is unknown (not in the store yet), and none for a file\'s event', () => {
    const unknown = header(undefined);
    assert.match(unknown, /<span class="issue-actions" role="group" aria-label="Issue actions"><\/span>/);
    assert.deepEqual(buttonsOf(unknown), []);
    const file = renderHeader(event, { sourceLabel: 'events.ndjson, event 2 of 3' });
    assert.ok(!file.includes('issue-action'), file);
  });

  it('offers exactly what the tree row\'s context menu offers for the same issue, and runs the same commands', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { menus: Record<string, Array<{ command: string; when?: string }>> };
    };
    const menu = manifest.contributes.menus['view/item/context'];
    const allActions: IssueAction[] = ['resolve', 'resolveInNextRelease', 'unresolve', 'ignore', 'assignToMe', 'assign', 'bookmark', 'unbookmark', 'downloadEvents'];
    const issueCommands = new Set(allActions.map(issueActionCommand));
    assert.equal(issueCommands.size, allActions.length, 'one command per action');
    let compared = 0;
    for (const status of ['unresolved', 'resolved', 'ignored', 'reprocessing'] as const) {
      for (const bookmarked of [false, true]) {
        for (const assignee of [undefined, 'Jane Doe']) {
          const issue: Issue = { id: '1', shortId: 'API-1', title: 't', culprit: 'c', level: 'error', status, count: 1, userCount: 1, isBookmarked: bookmarked, assignee, assignedTo: assignee && 'user:1' };
          const contextValue = issueContextValue(issue);
          const inTree = new Set(
            menu
              .filter((entry) => issueCommands.has(entry.command))
              .filter((entry) => {
                const clause = /viewItem =~ \/(.+)\/$/.exec(entry.when ?? '');
                return clause !== null && new RegExp(clause[1]).test(contextValue);
              })
              .map((entry) => entry.command),
          );
          const word: StatusWord = status === 'reprocessing' ? 'other' : status;
          const inPanel = issueActionsFor({ status: word, bookmarked, assignee }).map(issueActionCommand);
          assert.deepEqual([...inPanel].sort(), [...inTree].sort(), contextValue);
          compared++;
        }
      }
    }
    assert.equal(compared, 16);
  });
});
