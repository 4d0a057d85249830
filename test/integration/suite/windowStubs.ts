import * as vscode from 'vscode';

/**
 * Stand-ins for VS Code's dialogs and notification functions during a test. The extension and the
 * tests are one extension and share one `vscode` API object, so a function replaced here is the
 * one the extension calls. Each returns a function that puts the original back.
 */

type Window = typeof vscode.window;
type Writable = { -readonly [K in keyof Window]: Window[K] };

export function replaceInWindow<K extends keyof Window>(name: K, replacement: Window[K]): () => void {
  const window = vscode.window as Writable;
  const original = window[name];
  window[name] = replacement;
  return () => {
    window[name] = original;
  };
}

export interface ProgressWatch {
  titles: string[];
  messages: string[];
  /** Cancels the running progress as its Cancel button would. */
  cancel(): void;
  restore(): void;
}

/** Records what the extension shows in progress notifications (still shown), and lets a test press Cancel. */
export function watchProgress(): ProgressWatch {
  const original = vscode.window.withProgress;
  const cancelled = new vscode.CancellationTokenSource();
  const watch: ProgressWatch = {
    titles: [],
    messages: [],
    cancel: () => cancelled.cancel(),
    restore: () => undefined,
  };
  watch.restore = replaceInWindow('withProgress', ((options, task) => {
    watch.titles.push(options.title ?? '');
    return original(options, (progress, token) => {
      token.onCancellationRequested(() => cancelled.cancel());
      const recording = {
        report: (value: { message?: string; increment?: number }) => {
          if (value.message) watch.messages.push(value.message);
          progress.report(value);
        },
      };
      return task(recording, options.cancellable ? cancelled.token : token);
    });
  }) as Window['withProgress']);
  return watch;
}

export interface NotificationWatch {
  shown: Array<{ kind: 'info' | 'warning' | 'error'; text: string; buttons: string[] }>;
  restore(): void;
}

/** Records information, warning and error notifications (still shown, their buttons not pressed). */
export function watchNotifications(): NotificationWatch {
  const shown: NotificationWatch['shown'] = [];
  const restores = (
    [
      ['showInformationMessage', 'info'],
      ['showWarningMessage', 'warning'],
      ['showErrorMessage', 'error'],
    ] as const
  ).map(([name, kind]) => {
    const original = vscode.window[name] as (message: string, ...items: string[]) => Thenable<string | undefined>;
    return replaceInWindow(name, ((message: string, ...items: unknown[]) => {
      const buttons = items.filter((item): item is string => typeof item === 'string');
      shown.push({ kind, text: message, buttons });
      return original(message, ...buttons);
    }) as Window[typeof name]);
  });
  return { shown, restore: () => restores.forEach((restore) => restore()) };
}

type PickItems = readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>;

/** Answers every quick pick of items with `choose`'s item (undefined = the user pressed Escape). */
export function answerQuickPicks(choose: (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined): () => void {
  const answer = async (items: PickItems) => choose(await items);
  // One stand-in for all of showQuickPick's overloads: the extension only passes QuickPickItems.
  return replaceInWindow('showQuickPick', answer as unknown as Window['showQuickPick']);
}
