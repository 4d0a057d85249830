import * as vscode from 'vscode';

/**
 * A tooltip from Markdown text built by `tooltipContent` out of untrusted data: not trusted (no
 * command links), no HTML, no theme icons.
 */
export function untrustedMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
