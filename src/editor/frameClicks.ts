import type * as vscode from 'vscode';
import type { SentryClient } from '../sentry/api/client';
import { ClickResolver, ProjectCodeMappings, SourceLinesCache } from '../source';
import { FrameChoices } from './frameChoices';

/**
 * What frame clicks keep between clicks: per signed-in client, the projects' code mappings and the events'
 * sibling resolutions; the split lines of recently opened files; the user's answers to tied files.
 */
export class FrameClicks {
  readonly choices: FrameChoices;
  readonly lines = new SourceLinesCache();
  private readonly byClient = new WeakMap<SentryClient, ClickResolver>();
  private readonly signedOut = new ClickResolver();

  constructor(workspaceState: vscode.Memento) {
    this.choices = new FrameChoices(workspaceState);
  }

  resolverFor(client: SentryClient | undefined): ClickResolver {
    if (!client) return this.signedOut;
    let resolver = this.byClient.get(client);
    if (!resolver) {
      resolver = new ClickResolver(new ProjectCodeMappings(client));
      this.byClient.set(client, resolver);
    }
    return resolver;
  }
}
