import * as vscode from 'vscode';
import type { Assignee } from '../sentry/api/assignees';
import { untrustedText } from './untrustedText';

export interface AssigneePick {
  /** `user:12`, `team:4`, `me`, or null to unassign. */
  actor: string | null;
  name?: string;
}

interface AssigneeItem extends vscode.QuickPickItem {
  pick?: AssigneePick;
}

/**
 * Asks whom to assign an issue to: Me, the people who can see its project, its teams (loaded while
 * the picker shows, busy), and Unassign when it has an assignee. Undefined when the user backs out.
 */
export function pickAssignee(shortId: string, current: string | undefined, load: (signal: AbortSignal) => Promise<Assignee[]>): Promise<AssigneePick | undefined> {
  const picker = vscode.window.createQuickPick<AssigneeItem>();
  const controller = new AbortController();
  picker.title = `Assign ${untrustedText(shortId, 40)}`;
  picker.placeholder = 'Type to filter people and teams';
  picker.matchOnDescription = true;
  const fixed: AssigneeItem[] = [{ label: '$(account) Me', pick: { actor: 'me' } }];
  if (current) fixed.push({ label: '$(circle-slash) Unassign', pick: { actor: null } });
  picker.items = fixed;
  picker.busy = true;
  load(controller.signal).then(
    (assignees) => {
      const people = assignees.filter((a) => a.kind === 'user').map((a) => item(a, current));
      const teams = assignees.filter((a) => a.kind === 'team').map((a) => item(a, current));
      picker.items = [
        ...fixed,
        ...(people.length > 0 ? [{ label: 'people', kind: vscode.QuickPickItemKind.Separator }, ...people] : []),
        ...(teams.length > 0 ? [{ label: 'teams', kind: vscode.QuickPickItemKind.Separator }, ...teams] : []),
      ];
      picker.busy = false;
    },
    (error: unknown) => {
      if (controller.signal.aborted) return;
      picker.items = [...fixed, { label: `$(warning) Could not list the people and teams: ${untrustedText(error instanceof Error ? error.message : String(error), 200)}` }];
      picker.busy = false;
    },
  );
  return new Promise((resolve) => {
    let chosen: AssigneePick | undefined;
    picker.onDidAccept(() => {
      chosen = picker.selectedItems[0]?.pick;
      if (chosen) picker.hide();
    });
    picker.onDidHide(() => {
      controller.abort();
      picker.dispose();
      resolve(chosen);
    });
    picker.show();
  });
}

function item(assignee: Assignee, current: string | undefined): AssigneeItem {
  const icon = assignee.kind === 'team' ? '$(organization)' : '$(person)';
  return {
    label: `${icon} ${untrustedText(assignee.name, 100)}`,
    description: [assignee.detail && untrustedText(assignee.detail, 100), assignee.actor === current ? 'current' : undefined].filter(Boolean).join(' · ') || undefined,
    pick: { actor: assignee.actor, name: assignee.name },
  };
}
