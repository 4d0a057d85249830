import type { WebviewMessage } from '../../views/eventDetail/protocol';

/** What the webview keeps across being hidden and shown again. */
export interface PanelState {
  breadcrumbFilter?: string;
}

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function loadState(): PanelState {
  return api.getState() ?? {};
}

export function saveState(state: PanelState): void {
  api.setState(state);
}
