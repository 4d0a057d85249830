import * as vscode from 'vscode';

/** A jump that has not got what it waits for by then shows progress. */
export const PROGRESS_DELAY_MS = 300;

/**
 * Waits for `work` for a frame jump. Past `delayMs` a cancellable notification says what is being waited for
 * (`describe()`, read again whenever `changed` fires). Resolves to undefined when the user cancels: the jump
 * then stops, while the work itself goes on for the next one.
 */
export async function waitWithProgress<T>(work: Promise<T>, describe: () => string, changed: vscode.Event<void>, delayMs = PROGRESS_DELAY_MS): Promise<T | undefined> {
  // The work may fail after a cancelled jump stopped waiting: nobody else is listening then.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), delayMs);
  });
  const first = await Promise.race([work.then((value) => ({ value })), slow]);
  clearTimeout(timer);
  if (first !== 'slow') {
    return first.value;
  }
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Sentry', cancellable: true }, async (progress, token) => {
    progress.report({ message: describe() });
    const updates = changed(() => progress.report({ message: describe() }));
    let onCancel: vscode.Disposable | undefined;
    const cancelled = new Promise<undefined>((resolve) => {
      onCancel = token.onCancellationRequested(() => resolve(undefined));
    });
    try {
      return await Promise.race([work, cancelled]);
    } finally {
      updates.dispose();
      onCancel?.dispose();
    }
  });
}
