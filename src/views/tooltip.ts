import * as vscode from 'vscode';
import { oneLine } from './format';

/**
 * A tooltip built from event data: bold title and "label: value" rows, every value added as
 * plain text, so nothing in the data becomes a link, a command or HTML.
 */
export function untrustedTooltip(title: string, rows: Array<[string, string | undefined]>): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(oneLine(title, 300));
  md.appendMarkdown('**\n\n');
  for (const [label, value] of rows) {
    if (!value) continue;
    md.appendMarkdown(`- ${label}: `);
    md.appendText(oneLine(value, 300));
    md.appendMarkdown('\n');
  }
  return md;
}
