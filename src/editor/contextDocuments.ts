import * as vscode from 'vscode';
import type { Frame } from '../sentry/event/eventModel';
import { renderFrameContext } from '../source';

export const CONTEXT_SCHEME = 'sentry-frame';

/**
 * Read-only documents showing a frame's captured source lines, for frames with no local file.
 * A content provider's documents cannot be edited, so nothing here can be mistaken for the source.
 */
export class ContextDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private next = 0;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(CONTEXT_SCHEME, this);

  async show(frame: Frame, reason: string, viewColumn?: vscode.ViewColumn): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
    const doc = renderFrameContext(frame, { reason });
    const name = baseName(frame.filename || frame.absPath || frame.module || 'frame');
    const uri = vscode.Uri.from({ scheme: CONTEXT_SCHEME, path: `/${name}`, query: String(++this.next) });
    this.texts.set(uri.toString(), doc.text);
    const document = await vscode.workspace.openTextDocument(uri);
    const line = Math.max(0, (doc.focusLine ?? 1) - 1);
    const editor = await vscode.window.showTextDocument(document, { preview: true, selection: new vscode.Range(line, 0, line, 0), viewColumn });
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    return { uri, editor };
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This frame is no longer available. Open it again from the Sentry view.';
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}

/** A safe display name for the document tab: the last path segment, without anything path-like. */
function baseName(path: string): string {
  const last = path.split(/[\\/]/).filter(Boolean).pop() ?? 'frame';
  const cleaned = last.replace(/[^\w.@+-]/g, '_').slice(0, 80);
  return `${cleaned || 'frame'} (Sentry)`;
}
