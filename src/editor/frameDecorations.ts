import * as vscode from 'vscode';

/**
 * Marks the line a frame points at, with the exception after it. The mark goes away when the
 * user edits or closes the document.
 */
export class FrameDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorError.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private readonly marks = new Map<string, vscode.DecorationOptions>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      this.type,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.clear(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.marks.delete(doc.uri.toString())),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.apply(editor))),
    ];
  }

  mark(editor: vscode.TextEditor, line: number, text: string | undefined): void {
    const range = editor.document.lineAt(Math.min(line, editor.document.lineCount - 1)).range;
    const option: vscode.DecorationOptions = {
      range,
      renderOptions: text ? { after: { contentText: `  ← ${text}`, color: new vscode.ThemeColor('editorError.foreground'), fontStyle: 'italic' } } : undefined,
    };
    this.marks.set(editor.document.uri.toString(), option);
    this.apply(editor);
  }

  /** The marked line of a document (0-based), if it is still marked. */
  markedLine(uri: vscode.Uri): number | undefined {
    return this.marks.get(uri.toString())?.range.start.line;
  }

  private apply(editor: vscode.TextEditor): void {
    const mark = this.marks.get(editor.document.uri.toString());
    editor.setDecorations(this.type, mark ? [mark] : []);
  }

  private clear(uri: vscode.Uri): void {
    if (!this.marks.delete(uri.toString())) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri.toString()) editor.setDecorations(this.type, []);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
