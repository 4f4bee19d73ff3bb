/**
 * Every link click is intercepted: the webview never navigates. Web links go to the host as
 * `openLink` (it asks VS Code to open them outside), file references as `openFileRef`, and code
 * toolbar buttons become `copy` / `insertCode` / `applyCode` for the answer they belong to.
 */
import { codeActionFromClick } from './markdown/codeBlock';
import { readFileRefLink } from './markdown/fileRefs';
import { postToHost } from './vscodeApi';

const OPENABLE_URL = /^(?:https?:|mailto:)/i;

function onLinkClick(event: MouseEvent, link: HTMLAnchorElement): void {
  event.preventDefault();
  if (event.type !== 'click') return;
  if (link.classList.contains('file-ref')) {
    const ref = readFileRefLink(link);
    if (ref) postToHost({ type: 'openFileRef', ...ref });
    return;
  }
  const href = link.getAttribute('href') ?? '';
  if (OPENABLE_URL.test(href)) postToHost({ type: 'openLink', href });
}

function onCodeButtonClick(target: Element): boolean {
  const request = codeActionFromClick(target);
  if (!request) return false;
  const messageId = target.closest<HTMLElement>('[data-message-id]')?.dataset.messageId ?? '';
  if (request.action === 'copy') postToHost({ type: 'copy', text: request.code });
  else postToHost({ type: request.action === 'insert' ? 'insertCode' : 'applyCode', code: request.code, language: request.language, messageId });
  return true;
}

export function installClickRouting(root: HTMLElement): void {
  const handle = (event: MouseEvent): void => {
    if (!(event.target instanceof Element)) return;
    const link = event.target.closest('a');
    if (link) onLinkClick(event, link);
    else if (event.type === 'click') onCodeButtonClick(event.target);
  };
  root.addEventListener('click', handle);
  // Middle-click would otherwise try to open the link in a new window.
  root.addEventListener('auxclick', handle);
}
