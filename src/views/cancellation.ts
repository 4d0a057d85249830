import type * as vscode from 'vscode';

/** Bridges VS Code's cancellation to the AbortSignal the API client takes. */
export function toAbortSignal(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
