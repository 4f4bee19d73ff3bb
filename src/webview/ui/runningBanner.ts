/**
 * Says that an answer is being written in another chat, with a way back to it. One answer runs
 * at a time: without this line a user who opened another chat would see Send wait for no reason.
 * (Stop itself stays in the composer, where it always is.)
 */
import type { ChatSummary } from '../../shared/protocol';
import { button, el } from '../dom';
import { t } from '../i18n';

export class RunningBanner {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private shownChatId: string | undefined;

  constructor(onShow: (chatId: string) => void) {
    this.text = el('span', { className: 'running-banner-text' });
    const show = button(t('Show'), () => {
      if (this.shownChatId) onShow(this.shownChatId);
    }, 'button-secondary');
    this.element = el('div', { className: 'running-banner', attrs: { role: 'status' } }, this.text, show);
    this.element.hidden = true;
  }

  /** `runningChatId`: the chat whose answer streams, if any; `openChatId`: the chat on screen. */
  update(runningChatId: string | undefined, openChatId: string | undefined, chats: readonly ChatSummary[]): void {
    const elsewhere = runningChatId !== undefined && runningChatId !== openChatId;
    this.shownChatId = elsewhere ? runningChatId : undefined;
    this.element.hidden = !elsewhere;
    if (!elsewhere) return;
    const title = chats.find((chat) => chat.id === runningChatId)?.title || t('Untitled chat');
    const text = t('An answer is being written in “{0}”.', title);
    if (this.text.textContent !== text) this.text.textContent = text;
  }
}
