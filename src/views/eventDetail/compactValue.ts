import { describeValue } from './displayText';

/**
 * A one-line preview of any value, at most `max` characters: strings as they are, objects and
 * arrays as JSON-like text built without recursion limits being hit (depth-capped, cycle-safe).
 */
export function compactValue(value: unknown, max: number): string {
  const out: string[] = [];
  let length = 0;
  const push = (piece: string): boolean => {
    out.push(piece);
    length += piece.length;
    return length < max;
  };
  const walk = (item: unknown, depth: number, ancestors: readonly object[]): boolean => {
    if (typeof item === 'string') return push(depth === 0 ? item : JSON.stringify(item.length > max ? item.slice(0, max) : item));
    if (typeof item !== 'object' || item === null) return push(describeValue(item));
    if (ancestors.includes(item)) return push('[circular]');
    if (depth >= 3) return push(Array.isArray(item) ? '[…]' : '{…}');
    const inner = [...ancestors, item];
    if (Array.isArray(item)) {
      if (!push('[')) return false;
      for (let i = 0; i < item.length; i++) {
        if ((i > 0 && !push(', ')) || !walk(item[i], depth + 1, inner)) return false;
      }
      return push(']');
    }
    if (!push('{')) return false;
    let first = true;
    for (const key of Object.keys(item)) {
      if ((!first && !push(', ')) || !push(`${key}: `) || !walk((item as Record<string, unknown>)[key], depth + 1, inner)) return false;
      first = false;
    }
    return push('}');
  };
  walk(value, 0, []);
  const text = out.join('').replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
