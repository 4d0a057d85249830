/** Shows only the breadcrumbs whose text contains the filter; pages not loaded yet are loaded first. */
export class BreadcrumbFilter {
  private query = '';

  constructor(private readonly loadMore: (slot: Element) => void) {}

  get text(): string {
    return this.query;
  }

  set(query: string): void {
    this.query = query.trim().toLowerCase();
    this.apply();
  }

  apply(): void {
    const list = document.querySelector('[data-list="breadcrumbs"]');
    if (!list) return;
    let shown = 0;
    let total = 0;
    for (const row of Array.from(list.children)) {
      if (!row.classList.contains('crumb')) continue;
      total++;
      const match = this.query === '' || (row.textContent ?? '').toLowerCase().includes(this.query);
      (row as HTMLElement).hidden = !match;
      if (match) shown++;
    }
    const more = list.querySelector(':scope > .slot.more');
    if (more && this.query !== '') this.loadMore(more);
    this.showCount(list, shown, total, more !== null);
  }

  private showCount(list: Element, shown: number, total: number, loading: boolean): void {
    let status = list.previousElementSibling?.classList.contains('filter-status') ? list.previousElementSibling : null;
    if (!status) {
      status = document.createElement('span');
      status.className = 'filter-status muted';
      status.setAttribute('aria-live', 'polite');
      list.before(status);
    }
    status.textContent = this.query === '' ? '' : `${shown} of ${total}${loading ? ' (loading more…)' : ''}`;
  }
}
