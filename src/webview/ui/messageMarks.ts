/**
 * What a message's element says about the message, as classes and attributes: its role, that it
 * is a Compact summary or stands summarized behind one, that it is the newest turn, that it still
 * streams, that it shows token probabilities. One owner for the drawn view and for the placeholder
 * a long chat shows until it is drawn (messageSlot.ts), so the two cannot differ: a test, a style
 * or a screen reader sees the same message either way.
 */
import type { MessageView } from '../../shared/protocol';
import { el } from '../dom';
import { t } from '../i18n';

/** The marks that depend on the list, not on the message alone. */
export interface MessageState {
  /** The newest question or answer: its actions show without hovering. */
  readonly latest: boolean;
  /** An answer still arriving. */
  readonly streaming: boolean;
  /**
   * The question of the turn at the top of the screen: it stays in sight (sticky) while its answer
   * scrolls under it. One at a time: with every question sticky, each frame of a scroll walked
   * all the questions above the screen, stuck on top of each other (hundreds of ms in a long chat).
   */
  readonly pinned?: boolean;
}

/** Sets every mark on `element` (a message's `article`); calling it again updates them. */
export function markMessage(element: HTMLElement, message: MessageView, state: MessageState): void {
  const summary = message.summaryOf !== undefined;
  const classes = element.classList;
  classes.add('message', `message-${message.role}`);
  classes.toggle('message-summary', summary);
  // Still shown in full, but dimmed: a summary below stands in for it in requests.
  classes.toggle('is-summarized', !!message.summarized);
  classes.toggle('is-latest', state.latest);
  classes.toggle('is-pinned', !!state.pinned);
  classes.toggle('has-token-probs', !!message.logprobs?.length);
  if (message.summarized) element.title = t('Summarized below: no longer sent to the model');
  else element.removeAttribute('title');
  element.setAttribute('aria-label', message.role === 'user' ? t('You') : summary ? t('Summary') : t('Assistant'));
  if (state.streaming) element.setAttribute('aria-busy', 'true');
  else element.removeAttribute('aria-busy');
  element.setAttribute('data-message-id', message.id);
}

/** A summary says so, and how many messages it stands in for, above its text. */
export function summaryLabel(message: MessageView): HTMLElement[] {
  return message.summaryOf === undefined ? [] : [el('div', { className: 'summary-label', text: t('Summary of {0} earlier messages', message.summaryOf) })];
}
