import type * as vscode from 'vscode';
import { STATE_KEYS } from '../../constants';

export const MAX_RECENT_SEARCHES = 10;
const MAX_QUERY_LENGTH = 500;

/** The issue searches the user ran, newest first, in global state (the same in every window). */
export class RecentSearches {
  constructor(private readonly state: vscode.Memento) {}

  list(): string[] {
    const saved = this.state.get<unknown>(STATE_KEYS.recentSearches);
    return Array.isArray(saved) ? saved.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, MAX_RECENT_SEARCHES) : [];
  }

  async add(query: string): Promise<void> {
    await this.state.update(STATE_KEYS.recentSearches, withRecent(this.list(), query));
  }
}

/** `query` first, once, the list capped: trimmed, an empty or over-long query is not kept. */
export function withRecent(list: readonly string[], query: string, cap = MAX_RECENT_SEARCHES): string[] {
  const text = query.trim();
  if (!text || text.length > MAX_QUERY_LENGTH) return list.slice(0, cap);
  return [text, ...list.filter((q) => q !== text)].slice(0, cap);
}
