/** "3m ago", "5h ago", "2d ago"; undefined for a missing or unreadable date. */
export function relativeTime(iso: string | undefined, now = Date.now()): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return undefined;
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 60) return 'just now';
  const units: Array<[number, string]> = [[60, 'h'], [24, 'd'], [30, 'mo'], [12, 'y']];
  let value = seconds / 60;
  let unit = 'm';
  for (const [size, next] of units) {
    if (value < size) break;
    value /= size;
    unit = next;
  }
  return `${Math.floor(value)}${unit} ago`;
}

/** 950 → "950", 1200 → "1.2k", 3400000 → "3.4M". */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${trim(n / 1000)}k`;
  return `${trim(n / 1_000_000)}M`;
}

function trim(value: number): string {
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
}

export function plural(n: number, word: string): string {
  return `${compactCount(n)} ${word}${n === 1 ? '' : 's'}`;
}
