/**
 * When a periodic read runs: every `intervalMs` while the window has focus, never while it does
 * not. A turn missed while unfocused (or a refresh asked for meanwhile) runs once when focus
 * comes back, not once per missed turn. No `vscode`: the status bar feeds it the window's state.
 */
export class RefreshSchedule {
  private timer?: ReturnType<typeof setInterval>;
  private owed = false;
  private focused: boolean;

  constructor(
    private readonly refresh: () => void,
    private intervalMs: number,
    focused: boolean,
  ) {
    this.focused = focused;
  }

  /** Whether a refresh waits for the window's focus. */
  get isOwed(): boolean {
    return this.owed;
  }

  /** Refresh now (or as soon as the window has focus), and count the interval from here. */
  refreshNow(): void {
    this.arm();
    this.due();
  }

  /** Stops the periodic refresh (nothing to count: signed out, no project). */
  pause(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.owed = false;
  }

  setInterval(intervalMs: number): void {
    this.intervalMs = intervalMs;
    if (this.timer) this.arm();
  }

  setFocused(focused: boolean): void {
    this.focused = focused;
    if (focused && this.owed) {
      this.owed = false;
      this.arm();
      this.refresh();
    }
  }

  dispose(): void {
    this.pause();
  }

  private arm(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => this.due(), Math.max(1, this.intervalMs));
  }

  private due(): void {
    if (!this.focused) {
      this.owed = true;
      return;
    }
    this.owed = false;
    this.refresh();
  }
}
