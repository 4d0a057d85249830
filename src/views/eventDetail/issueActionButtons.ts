import { COMMANDS } from '../../constants';
import type { CodiconName } from './codiconSymbols';
import { el, frag, type Html, icon, text } from './html';
import type { IssueAction } from './protocol';
import type { IssueActionState } from './renderContext';

/** Each action's command, codicon and label (the command's title in the tree's context menu). */
const BUTTONS: Record<IssueAction, { command: string; icon: CodiconName; label: string }> = {
  resolve: { command: COMMANDS.resolveIssue, icon: 'check', label: 'Resolve' },
  resolveInNextRelease: { command: COMMANDS.resolveIssueInNextRelease, icon: 'milestone', label: 'Resolve in Next Release' },
  unresolve: { command: COMMANDS.unresolveIssue, icon: 'issue-reopened', label: 'Unresolve' },
  ignore: { command: COMMANDS.ignoreIssue, icon: 'bell-slash', label: 'Ignore…' },
  assignToMe: { command: COMMANDS.assignIssueToMe, icon: 'account', label: 'Assign to Me' },
  assign: { command: COMMANDS.assignIssue, icon: 'person-add', label: 'Assign…' },
  bookmark: { command: COMMANDS.bookmarkIssue, icon: 'star-empty', label: 'Bookmark' },
  unbookmark: { command: COMMANDS.unbookmarkIssue, icon: 'star-full', label: 'Remove Bookmark' },
  downloadEvents: { command: COMMANDS.downloadIssueEvents, icon: 'cloud-download', label: 'Download Events…' },
};

/** The issue command a button runs (with the panel's `{org, issueId}`). */
export function issueActionCommand(action: IssueAction): string {
  return BUTTONS[action].command;
}

/**
 * The actions that apply to an issue in this state, in the order the header shows them: the same
 * ones the tree's context menu offers for its row (package.json's `viewItem` clauses).
 */
export function issueActionsFor(state: IssueActionState): IssueAction[] {
  const actions: IssueAction[] = [];
  if (state.status === 'unresolved' || state.status === 'ignored') actions.push('resolve', 'resolveInNextRelease');
  if (state.status === 'resolved' || state.status === 'ignored') actions.push('unresolve');
  if (state.status === 'unresolved') actions.push('ignore');
  if (state.assignee === undefined) actions.push('assignToMe');
  actions.push('assign', state.bookmarked ? 'unbookmark' : 'bookmark', 'downloadEvents');
  return actions;
}

/** The buttons, labelled for screen readers with the issue they act on; `issueName` is escaped like any text. */
export function renderIssueActions(state: IssueActionState, issueName: string | undefined): Html {
  return frag(
    issueActionsFor(state).map((action) => {
      const { icon: iconName, label } = BUTTONS[action];
      const name = issueName ? `${label.replace(/…$/, '')} ${issueName}` : label;
      return el(
        'button',
        { class: 'action issue-action', type: 'button', 'data-action': 'issueAction', 'data-issue-action': action, title: name, 'aria-label': name },
        icon(iconName),
        text(` ${label}`),
      );
    }),
  );
}
