/**
 * The top of a long chat whose older messages the view was not sent yet (the host sends a long
 * chat's newest page: core/chat/messageWindow.ts). Scrolling near it asks the host for the page
 * before, so scrolling back still reaches the first message; it is also a button, for keyboards.
 */
import { button } from '../dom';
import { t } from '../i18n';

export class EarlierMessages {
  readonly element: HTMLButtonElement;
  private observer: IntersectionObserver | undefined;
  private count = 0;
  private asked = false;
  /** Find wants every message while a page is on its way: asked for when that page arrives. */
  private allWanted = false;

  constructor(private readonly ask: (before: number, all: boolean) => void) {
    this.element = button('', () => this.request(), 'earlier-messages');
    this.element.hidden = true;
  }

  /** Asks for the page before as soon as this comes within a screen of the visible part. */
  attach(scroller: HTMLElement): void {
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.request();
    }, { root: scroller, rootMargin: '100% 0px' });
  }

  /** How many messages come before those shown (0: the view has the whole chat). */
  get before(): number {
    return this.count;
  }

  /**
   * The count changed (a new state, or with `samePage` a page arrived): a new request may go once
   * this is near again. A new state forgets that find wanted every message; find asks again.
   */
  set(count: number, samePage = false): void {
    if (!samePage) this.allWanted = false;
    this.count = count;
    this.asked = false;
    this.element.hidden = count === 0;
    this.element.removeAttribute('aria-busy');
    this.element.textContent = t('Show earlier messages ({0})', String(count));
    // Observed anew, so a control still near the screen after a short page asks again.
    this.observer?.disconnect();
    if (count > 0) this.observer?.observe(this.element);
    if (this.allWanted) this.requestAll();
  }

  /** Find closed: a page on its way no longer brings every message after it. */
  cancelAll(): void {
    this.allWanted = false;
  }

  /** Asks for every message not shown yet (find searches them all). */
  requestAll(): void {
    if (this.asked) {
      this.allWanted = this.count > 0;
      return;
    }
    this.allWanted = false;
    this.request(true);
  }

  private request(all = false): void {
    if (this.count === 0 || this.asked) return;
    this.asked = true;
    this.element.setAttribute('aria-busy', 'true');
    this.ask(this.count, all);
  }
}
