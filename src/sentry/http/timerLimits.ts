/** setTimeout's longest delay: a longer one fires at once (Node only warns, TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay setTimeout can hold: between 0 and its ceiling; NaN counts as none. */
export function timerSafe(ms: number): number {
  return Number.isNaN(ms) ? 0 : Math.min(Math.max(0, ms), MAX_TIMER_MS);
}
