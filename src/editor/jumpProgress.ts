import * as vscode from 'vscode';
import { JumpSteps } from './jumpSteps';

/** A jump that has not finished by then shows progress. */
export const PROGRESS_DELAY_MS = 300;

/**
 * One click on a frame, from the click until the file is shown (or the user is asked to choose). Past
 * `delayMs` a cancellable notification says what the jump waits for (`describe()`, read again whenever
 * `changed` fires). After Cancel, `wait` gives up at once and `cancelled` is true: the jump opens nothing and
 * says nothing, while the work it waited for goes on for the next click.
 */
export class FrameJump {
  private readonly cancellation = new vscode.CancellationTokenSource();
  /** Each step's time, for the performance tests. */
  readonly steps = new JumpSteps();
  private readonly timer: NodeJS.Timeout;
  private hide?: () => void;
  private ended = false;

  constructor(
    private readonly describe: () => string,
    private readonly changed: vscode.Event<void>,
    delayMs = PROGRESS_DELAY_MS,
  ) {
    this.timer = setTimeout(() => this.show(), delayMs);
  }

  get cancelled(): boolean {
    return this.cancellation.token.isCancellationRequested;
  }

  /** `work`'s value, or undefined as soon as the user cancels. */
  wait<T>(work: Promise<T>): Promise<T | undefined> {
    // The work may fail after a cancelled jump stopped waiting: nobody else is listening then.
    work.catch(() => undefined);
    if (this.cancelled) {
      return Promise.resolve(undefined);
    }
    return new Promise<T | undefined>((resolve, reject) => {
      const onCancel = this.cancellation.token.onCancellationRequested(() => resolve(undefined));
      work.then(
        (value) => {
          onCancel.dispose();
          resolve(value);
        },
        (error: unknown) => {
          onCancel.dispose();
          reject(error);
        },
      );
    });
  }

  /** The jump is done, or now waits for the user: no progress any more. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    this.hide?.();
  }

  private show(): void {
    if (this.ended) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Sentry', cancellable: true }, (progress, token) => {
      progress.report({ message: this.describe() });
      const updates = this.changed(() => progress.report({ message: this.describe() }));
      const onCancel = token.onCancellationRequested(() => this.cancellation.cancel());
      return new Promise<void>((resolve) => {
        this.hide = () => {
          updates.dispose();
          onCancel.dispose();
          resolve();
        };
        if (this.ended) this.hide();
      });
    });
  }
}
