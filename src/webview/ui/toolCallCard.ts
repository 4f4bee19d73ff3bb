/**
 * One tool call in an answer: a `group` named "Tool call" with the call in words, Allow / Deny
 * while it waits, and after the decision a short summary that expands to the full result.
 */
import type { ToolCallView } from '../../shared/protocol';
import { button, el } from '../dom';
import type { WebviewString } from '../../shared/webviewStrings';
import { t } from '../i18n';
import { postToHost } from '../vscodeApi';

const STATUS_TEXT: Record<ToolCallView['status'], WebviewString> = {
  pending: 'Waiting for your approval',
  reviewing: 'Waiting for your review of the diff',
  running: 'Running…',
  done: 'Done',
  error: 'Failed',
  denied: 'Denied',
  refused: 'Refused',
  stopped: 'Stopped',
};

export class ToolCallCard {
  readonly element: HTMLElement;
  private call: ToolCallView | undefined;

  constructor(call: ToolCallView) {
    this.element = el('div', { className: 'tool-call', attrs: { role: 'group', 'aria-label': t('Tool call') } });
    this.element.dataset.callId = call.id;
    this.update(call);
  }

  get id(): string {
    return this.element.dataset.callId ?? '';
  }

  update(call: ToolCallView): void {
    if (this.call && sameView(this.call, call)) return;
    this.call = call;
    this.element.dataset.status = call.status;
    const heading = el('div', { className: 'tool-call-heading' }, el('span', { className: 'tool-call-name', text: call.tool }), ' ', el('span', { className: 'tool-call-description', text: call.description }));
    const parts: HTMLElement[] = [heading];
    if (call.status === 'pending') {
      const decide = (allow: boolean): void => {
        for (const control of this.element.querySelectorAll('button')) control.disabled = true;
        postToHost({ type: 'toolDecision', callId: call.id, allow });
      };
      parts.push(el('div', { className: 'tool-call-status', text: t(STATUS_TEXT.pending) }));
      parts.push(el('div', { className: 'tool-call-actions' }, button(t('Allow'), () => decide(true)), button(t('Deny'), () => decide(false), 'button-secondary')));
    } else if (call.detail !== undefined) {
      // The summary folds the full result the model received.
      const summary = el('summary', { className: 'tool-call-summary', text: `${t(STATUS_TEXT[call.status])}: ${call.summary ?? ''}` });
      parts.push(el('details', { className: 'tool-call-result' }, summary, el('pre', { className: 'tool-call-detail', text: call.detail })));
    } else {
      parts.push(el('div', { className: 'tool-call-status', text: t(STATUS_TEXT[call.status]) }));
    }
    this.element.replaceChildren(...parts);
  }
}

function sameView(a: ToolCallView, b: ToolCallView): boolean {
  return a.status === b.status && a.summary === b.summary && a.detail === b.detail && a.description === b.description;
}

/** The cards of one answer, in call order. */
export class ToolCallList {
  readonly element = el('div', { className: 'tool-calls' });
  private readonly cards = new Map<string, ToolCallCard>();

  constructor() {
    this.element.hidden = true;
  }

  update(call: ToolCallView): void {
    const card = this.cards.get(call.id);
    if (card) return card.update(call);
    const created = new ToolCallCard(call);
    this.cards.set(call.id, created);
    this.element.append(created.element);
    this.element.hidden = false;
  }

  setAll(calls: readonly ToolCallView[]): void {
    for (const call of calls) this.update(call);
  }
}
