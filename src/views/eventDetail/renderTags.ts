import type { SentryEvent } from '../../sentry/event/eventModel';
import { count, oneLineText } from './displayText';
import { el, type Html, text } from './html';
import { LIMITS } from './renderLimits';
import { moreControl } from './renderValue';
import { tagSearchQuery } from './tagSearchQuery';

/** Tags as chips; a click asks the extension to search issues with `key:value` (the tag named by its index). */
export function renderTagsPage(event: SentryEvent, start: number): Html {
  const tags = event.tags;
  const end = Math.min(tags.length, start + LIMITS.rowsPage);
  const chips: Html[] = [];
  for (let i = start; i < end; i++) {
    const key = oneLineText(String(tags[i].key), 100);
    const value = oneLineText(String(tags[i].value), 200);
    const searchable = tagSearchQuery(event, i) !== undefined;
    chips.push(
      el(
        'button',
        { class: 'tag', type: 'button', 'data-action': searchable ? 'searchIssues' : undefined, 'data-tag': searchable ? i : undefined, title: searchable ? 'Search issues with this tag' : undefined },
        el('span', { class: 'tag-key' }, text(key)),
        el('span', { class: 'tag-value' }, text(value)),
      ),
    );
  }
  const list = el('div', { class: 'tags' }, ...chips);
  if (end >= tags.length) return list;
  return (list + moreControl({ kind: 'rows', list: 'tags', start: end }, `Show ${count(tags.length - end)} more tags`)) as Html;
}
