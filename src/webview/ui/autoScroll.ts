/**
 * Follow the stream only while the reader is at the bottom. Scrolling up stops following and
 * shows "Jump to latest"; scrolling back down (or the button) resumes it.
 */
import { button } from '../dom';
import { t } from '../i18n';

/** How close to the bottom still counts as "at the bottom" (sub-pixel rounding, zoom). */
const BOTTOM_SLACK_PX = 4;

export class AutoScroller {
  readonly jumpButton: HTMLButtonElement;
  private following = true;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly onPositionChange: (scrollTop: number, following: boolean) => void,
  ) {
    this.jumpButton = button(t('Jump to latest'), () => this.jumpToLatest(), 'jump-to-latest');
    this.jumpButton.hidden = true;
    scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
  }

  get isFollowing(): boolean {
    return this.following;
  }

  /** Call after content changed: keeps the view pinned to the bottom while following. */
  contentChanged(): void {
    if (this.following) this.scrollToBottom();
    else this.updateJumpButton();
  }

  /** Restores a saved position (after the view was hidden and shown again). */
  restore(scrollTop: number, following: boolean): void {
    this.following = following;
    if (following) this.scrollToBottom();
    else this.scroller.scrollTop = scrollTop;
    this.updateJumpButton();
  }

  jumpToLatest(): void {
    this.following = true;
    this.scrollToBottom();
    this.updateJumpButton();
    this.onPositionChange(this.scroller.scrollTop, true);
  }

  private isAtBottom(): boolean {
    const { scrollHeight, scrollTop, clientHeight } = this.scroller;
    return scrollHeight - scrollTop - clientHeight <= BOTTOM_SLACK_PX;
  }

  private scrollToBottom(): void {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  private onScroll(): void {
    const wasFollowing = this.following;
    this.following = this.isAtBottom();
    this.updateJumpButton();
    // While following, the position to restore is "the bottom" whatever scrollTop is, so the
    // scroll events our own following causes (one per rendered update) need not be saved.
    if (this.following && wasFollowing) return;
    this.onPositionChange(this.scroller.scrollTop, this.following);
  }

  private updateJumpButton(): void {
    this.jumpButton.hidden = this.following || this.isAtBottom();
  }
}
