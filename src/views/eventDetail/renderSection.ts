import { count } from './displayText';
import { el, type Html, text } from './html';

/** A top-level section of the panel: a heading that folds its body. */
export function renderSection(name: string, title: string, body: Html, itemCount?: number, open = true): Html {
  return el(
    'details',
    { class: `section section-${name}`, open },
    el('summary', undefined, el('h2', undefined, text(title)), itemCount === undefined ? undefined : el('span', { class: 'count' }, text(count(itemCount)))),
    body,
  );
}
