import * as vscode from 'vscode';

/**
 * Records what the extension hands to VS Code's notification and quick pick functions, then calls the real
 * ones: the UI still appears and is driven with VS Code's own commands. The extension and these tests share
 * one `vscode` API object (they are one extension), so replacing a function here replaces it for both.
 */

type Window = typeof vscode.window;
type MessageFunction = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';

export interface Spy<T> {
  readonly calls: T[];
  restore(): void;
}

export function spyOnNotifications(): Spy<{ kind: MessageFunction; text: string }> {
  const window = vscode.window as { -readonly [K in keyof Window]: Window[K] };
  const calls: Array<{ kind: MessageFunction; text: string }> = [];
  const originals = new Map<MessageFunction, Window[MessageFunction]>();
  for (const kind of ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const) {
    const original = window[kind];
    originals.set(kind, original);
    window[kind] = ((message: string, ...rest: never[]) => {
      calls.push({ kind, text: message });
      return (original as (message: string, ...rest: never[]) => Thenable<unknown>)(message, ...rest);
    }) as Window[MessageFunction];
  }
  return {
    calls,
    restore: () => {
      for (const [kind, original] of originals) window[kind] = original;
    },
  };
}

export function spyOnQuickPicks(): Spy<{ items: readonly vscode.QuickPickItem[]; options?: vscode.QuickPickOptions }> {
  const window = vscode.window as { -readonly [K in keyof Window]: Window[K] };
  const calls: Array<{ items: readonly vscode.QuickPickItem[]; options?: vscode.QuickPickOptions }> = [];
  const original = window.showQuickPick;
  window.showQuickPick = ((items: readonly vscode.QuickPickItem[], options?: vscode.QuickPickOptions, token?: vscode.CancellationToken) => {
    calls.push({ items, options });
    return (original as (...args: unknown[]) => Thenable<unknown>)(items, options, token);
  }) as Window['showQuickPick'];
  return { calls, restore: () => (window.showQuickPick = original) };
}

/** Resolves once `condition` holds, polling; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * VS Code renders `[label](https:…|command:…|file:…)` in notifications as a link. This is the shape it looks
 * for (the link target must follow `](` at once).
 */
export const CLICKABLE_LINK = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+(?:\s+["'][^"']*["'])?\)/i;
