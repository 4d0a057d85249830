import * as vscode from 'vscode';
import type { Session } from '../auth/session';
import { STATE_KEYS } from '../constants';
import { ProjectRef, readProjectRef } from '../model/refs';

interface Saved {
  /** The server the project is on: a project of another sign-in is not current here. */
  url: string;
  ref: ProjectRef;
}

/**
 * The project the user works on, for the status bar's count and the search's project scope: the
 * one they last expanded or filtered in this workspace, else the one SENTRY_PROJECT or a
 * .sentryclirc names.
 */
export class CurrentProject implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProjectRef | undefined>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly session: Session,
  ) {}

  get ref(): ProjectRef | undefined {
    const credentials = this.session.credentials;
    if (!credentials) return undefined;
    const saved = this.saved();
    if (saved && saved.url === credentials.url) return saved.ref;
    return credentials.org && credentials.project ? { org: credentials.org, project: credentials.project } : undefined;
  }

  /** The user expanded or filtered this project. */
  async use(ref: ProjectRef): Promise<void> {
    const url = this.session.credentials?.url;
    if (!url) return;
    const before = this.ref;
    await this.state.update(STATE_KEYS.currentProject, { url, ref: { org: ref.org, project: ref.project } });
    if (before?.org !== ref.org || before.project !== ref.project) this.changed.fire(ref);
  }

  /** Back to the project SENTRY_PROJECT or a .sentryclirc names, if any. */
  async forget(): Promise<void> {
    const before = this.ref;
    await this.state.update(STATE_KEYS.currentProject, undefined);
    const after = this.ref;
    if (before?.org !== after?.org || before?.project !== after?.project) this.changed.fire(after);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private saved(): Saved | undefined {
    const value = this.state.get<unknown>(STATE_KEYS.currentProject);
    if (typeof value !== 'object' || value === null) return undefined;
    const { url, ref } = value as Record<string, unknown>;
    const project = readProjectRef(ref);
    return typeof url === 'string' && project ? { url, ref: project } : undefined;
  }
}
