/**
 * The webview side of the channel to the extension host, typed by the shared protocol, and the
 * little UI state VS Code keeps for us while the view is hidden (`getState`/`setState`). Nothing
 * secret ever goes into that state: the webview never sees the key.
 */
import type { WebviewMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** What must survive hiding and re-showing the view. */
export interface PersistedUiState {
  readonly draft: string;
  readonly scrollTop: number;
  /** Whether the list was following new output (scrolled to the bottom). */
  readonly following: boolean;
}

const DEFAULT_UI_STATE: PersistedUiState = { draft: '', scrollTop: 0, following: true };

// acquireVsCodeApi may be called only once per webview.
const api = acquireVsCodeApi();

export function postToHost(message: WebviewMessage): void {
  api.postMessage(message);
}

export function loadUiState(): PersistedUiState {
  const saved = api.getState();
  if (typeof saved !== 'object' || saved === null) return DEFAULT_UI_STATE;
  const { draft, scrollTop, following } = saved as Partial<Record<keyof PersistedUiState, unknown>>;
  return {
    draft: typeof draft === 'string' ? draft : DEFAULT_UI_STATE.draft,
    scrollTop: typeof scrollTop === 'number' && Number.isFinite(scrollTop) ? scrollTop : DEFAULT_UI_STATE.scrollTop,
    following: typeof following === 'boolean' ? following : DEFAULT_UI_STATE.following,
  };
}

let current: PersistedUiState | undefined;

export function saveUiState(patch: Partial<PersistedUiState>): void {
  current = { ...(current ?? loadUiState()), ...patch };
  api.setState(current);
}
