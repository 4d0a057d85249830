import type { FragmentRef } from '../../views/eventDetail/protocol';
import { post } from './vscodeApi';

interface Pending {
  target: Element;
  onInserted: () => void;
}

/** Asks the extension for parts of the event by reference and puts each answer where it was asked for. */
export class FragmentLoader {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  /** `target` is replaced by the fragment's markup when it arrives. */
  request(fragment: FragmentRef, target: Element, onInserted: () => void = () => undefined): void {
    const requestId = this.nextId++;
    this.pending.set(requestId, { target, onInserted });
    target.classList.add('loading');
    post({ type: 'requestFragment', requestId, fragment });
  }

  receive(requestId: number, html: string): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    if (!pending.target.isConnected) return;
    // The extension's renderer escapes every event value; the page's CSP runs no script in it.
    pending.target.outerHTML = html;
    pending.onInserted();
  }

  /** A new event replaces the page: answers to earlier requests have nowhere to go. */
  reset(): void {
    this.pending.clear();
  }

  isLoading(target: Element): boolean {
    return target.classList.contains('loading');
  }
}
