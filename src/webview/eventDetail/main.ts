import type { ExtensionMessage } from '../../views/eventDetail/protocol';
import { BreadcrumbFilter } from './breadcrumbFilter';
import { fragmentOf, frameOf, issueActionOf } from './dataAttributes';
import { FragmentLoader } from './fragmentLoader';
import { pageTimings } from './pageTimings';
import { loadState, post, saveState } from './vscodeApi';

/**
 * The event detail panel's script: reports the body the page was made with as painted, shows what
 * the extension sends after the `ready` handshake (a later or newer body, a header), loads
 * folded parts on demand, filters breadcrumbs, and turns clicks into typed messages. Every handler
 * is delegated from the document and reads data attributes; the page has no inline handlers.
 */

const root = document.getElementById('event-detail');
const loader = new FragmentLoader();
const filter = new BreadcrumbFilter((slot) => loadSlot(slot));

function loadSlot(slot: Element): void {
  const button = slot.matches('[data-fragment]') ? slot : slot.querySelector('[data-fragment]');
  const fragment = button && fragmentOf(button);
  if (!fragment || loader.isLoading(slot)) return;
  if (button instanceof HTMLButtonElement) {
    button.disabled = true;
    button.textContent = 'Loading…';
  }
  loader.request(fragment, slot, () => filter.apply());
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
  if (!target) return;
  event.preventDefault();
  event.stopPropagation();
  switch (target.getAttribute('data-action')) {
    case 'openFrame': {
      const frame = frameOf(target);
      if (frame) post({ type: 'openFrame', frame });
      break;
    }
    case 'searchIssues': {
      const tag = Number(target.getAttribute('data-tag'));
      if (Number.isInteger(tag)) post({ type: 'searchIssues', tag });
      break;
    }
    case 'openExternal': {
      const which = target.getAttribute('data-target');
      if (which === 'event' || which === 'issue') post({ type: 'openExternal', target: which });
      break;
    }
    case 'copyMarkdown':
      post({ type: 'copyMarkdown' });
      break;
    case 'issueAction': {
      const action = issueActionOf(target);
      if (!action || !(target instanceof HTMLButtonElement)) break;
      // One change per click: the extension sends the header again (enabled) once the action is done.
      target.disabled = true;
      post({ type: 'issueAction', action });
      break;
    }
    case 'loadFragment': {
      const slot = target.closest('.slot');
      if (slot) loadSlot(slot);
      break;
    }
    default:
      break;
  }
});

// Folded parts (library frames, deep values, other threads) are fetched the first time they open.
document.addEventListener(
  'toggle',
  (event) => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.open || !details.hasAttribute('data-fragment')) return;
    const pending = details.querySelector(':scope > .pending, :scope > .frames > .pending');
    const fragment = fragmentOf(details);
    if (!pending || !fragment || loader.isLoading(pending)) return;
    loader.request(fragment, pending, () => filter.apply());
  },
  true,
);

document.addEventListener('input', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.getAttribute('data-filter') !== 'breadcrumbs') return;
  filter.set(input.value);
  saveState({ ...loadState(), breadcrumbFilter: input.value });
});

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null || !root) return;
  if (message.type === 'show' && typeof message.html === 'string') {
    loader.reset();
    root.innerHTML = message.html;
    restoreFilter();
    if (typeof message.renderId === 'number') afterPaint(message.renderId);
  } else if (message.type === 'header' && typeof message.html === 'string') {
    const header = root.querySelector(':scope > .event > header.event-header');
    if (header) header.outerHTML = message.html;
  } else if (message.type === 'fragment' && typeof message.html === 'string' && typeof message.requestId === 'number') {
    loader.receive(message.requestId, message.html);
  }
});

/** Tells the extension once the frame with the new body has been painted (its measure of first paint). */
function afterPaint(renderId: number): void {
  const report = () => {
    const page = pageTimings();
    post(page ? { type: 'painted', renderId, page } : { type: 'painted', renderId });
    loadDeferred();
  };
  // A hidden page gets no animation frames; it has laid the body out by now all the same.
  if (document.visibilityState === 'hidden') {
    report();
    return;
  }
  requestAnimationFrame(() => setTimeout(report, 0));
}

/** Parts the extension left out of the first paint to keep it quick, asked for once it is on screen. */
function loadDeferred(): void {
  for (const slot of Array.from(document.querySelectorAll('.slot.autoload'))) {
    const fragment = fragmentOf(slot);
    if (fragment && !loader.isLoading(slot)) loader.request(fragment, slot, restoreFilter);
  }
}

function restoreFilter(): void {
  const saved = loadState().breadcrumbFilter;
  const input = document.querySelector('input[data-filter="breadcrumbs"]');
  if (!saved || !(input instanceof HTMLInputElement)) return;
  input.value = saved;
  filter.set(saved);
}

// The body the page was made with (the extension had the event before it made the page).
const firstRenderId = root?.getAttribute('data-render-id');
if (firstRenderId) {
  restoreFilter();
  afterPaint(Number(firstRenderId));
}
post({ type: 'ready' });
