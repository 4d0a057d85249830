/** Something to stop: a listener, a registration. VS Code's `Disposable` has the same shape. */
export interface Subscription {
  dispose(): void;
}

/** Subscribes a listener; the shape of VS Code's `Event<T>`, so either kind can be passed where the other is wanted. */
export type Event<T> = (listener: (value: T) => void) => Subscription;

/**
 * A tiny typed event emitter without `vscode`, for the store and the data service. A listener that
 * throws does not keep the others from hearing the event.
 */
export class Emitter<T> {
  private listeners: Array<(value: T) => void> = [];

  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // One listener's failure is its own; the event still reaches the rest.
      }
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}
