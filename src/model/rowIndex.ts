import type { Subscription } from './emitter';
import type { SentryStore } from './store';
import { issueKey } from './refs';

/**
 * The rows a view shows for each ref key (an issue may show in a project's list and in search
 * results at once), so a change re-renders exactly those rows. No `vscode`: tested with plain mocha.
 */
export class RowIndex<Row> {
  private readonly rows = new Map<string, Set<Row>>();

  /** Adds a row for `key`; the subscription takes it out again. */
  add(key: string, row: Row): Subscription {
    let set = this.rows.get(key);
    if (!set) {
      set = new Set();
      this.rows.set(key, set);
    }
    set.add(row);
    return {
      dispose: () => {
        const current = this.rows.get(key);
        current?.delete(row);
        if (current?.size === 0) this.rows.delete(key);
      },
    };
  }

  rowsOf(key: string): Row[] {
    return [...(this.rows.get(key) ?? [])];
  }

  clear(): void {
    this.rows.clear();
  }
}

/** Whenever the store says an issue changed, `rerender` gets exactly the rows showing it (nothing when none does). */
export function rerenderIssueRows<Row>(store: SentryStore, rows: RowIndex<Row>, rerender: (rows: Row[]) => void): Subscription {
  return store.onDidUpdateIssue(({ ref }) => {
    const shown = rows.rowsOf(issueKey(ref));
    if (shown.length > 0) rerender(shown);
  });
}
