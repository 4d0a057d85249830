/** One step of a frame jump and how long it took, in milliseconds. */
export interface JumpStep {
  step: string;
  ms: number;
}

/**
 * How long each step of one frame jump took (waiting for the index, resolving, the real-path check, opening,
 * showing, marking). Kept for the last jump only and read by the performance tests; never logged per click.
 */
export class JumpSteps {
  private readonly started = performance.now();
  private last = this.started;
  private readonly recorded: JumpStep[] = [];

  /** The step that ends now. */
  mark(step: string): void {
    const now = performance.now();
    this.recorded.push({ step, ms: now - this.last });
    this.last = now;
  }

  get steps(): readonly JumpStep[] {
    return this.recorded;
  }

  get totalMs(): number {
    return this.last - this.started;
  }
}
