import { getEventListeners } from 'node:events';

/** More than the requests a download runs at once; beyond it a finished request's signal is dropped. */
const KEPT = 16;

/**
 * The abort signals requests are sent with, each used again by a later request once its own has
 * finished cleanly: never aborted, and with no listener left on it. In Node 20 every AbortSignal
 * outlives V8's young collections (a loop making 30,000 and dropping each at once leaves 7 MB in the
 * old generation), so a signal per request left about 16 MB of garbage in the old generation over a
 * 100,000-event download inside a heap as large as an extension host's (README, download section).
 */
export class RequestSignals {
  private readonly idle: AbortController[] = [];

  take(): AbortController {
    return this.idle.pop() ?? new AbortController();
  }

  /** A signal that was aborted, or that something still listens to, is never handed out again. */
  giveBack(controller: AbortController): void {
    const { signal } = controller;
    if (signal.aborted || getEventListeners(signal, 'abort').length > 0 || this.idle.length >= KEPT) return;
    this.idle.push(controller);
  }
}
