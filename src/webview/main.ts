/**
 * Webview entry point. The translations embedded in the document are set before the App builds
 * its UI, so every label is in the user's language from the first paint. The listener is
 * installed before `ready` is posted: the host queues its messages until it hears `ready`, so
 * none can be lost.
 */
import './styles/main.css';
import type { HostMessage } from '../shared/protocol';
import { STRINGS_ELEMENT_ID } from '../shared/webviewStrings';
import { App } from './app';
import { installClickRouting } from './clickRouting';
import { setTranslations } from './i18n';
import { postToHost } from './vscodeApi';

function isHostMessage(data: unknown): data is HostMessage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}

/** The document's translations; an absent or unreadable block leaves the UI in English. */
function embeddedStrings(): Record<string, string> {
  const text = document.getElementById(STRINGS_ELEMENT_ID)?.textContent;
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

const root = document.getElementById('app');
if (root) {
  setTranslations(embeddedStrings());
  const app = new App(root);
  installClickRouting(document.body);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isHostMessage(event.data)) app.handle(event.data);
  });
  postToHost({ type: 'ready' });
}
