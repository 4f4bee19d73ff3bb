/**
 * Webview entry point. The listener is installed before `ready` is posted: the host queues its
 * messages until it hears `ready`, so none can be lost.
 */
import './styles/main.css';
import type { HostMessage } from '../shared/protocol';
import { App } from './app';
import { installClickRouting } from './clickRouting';
import { postToHost } from './vscodeApi';

function isHostMessage(data: unknown): data is HostMessage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}

const root = document.getElementById('app');
if (root) {
  const app = new App(root);
  installClickRouting(document.body);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isHostMessage(event.data)) app.handle(event.data);
  });
  postToHost({ type: 'ready' });
}
