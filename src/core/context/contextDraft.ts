/**
 * The attachments waiting in the composer for the next question. The host owns this list (the
 * webview only draws it as chips), so commands such as Explorer → Add File to Chat can add to it
 * while the view is closed, and a reload of the view shows the same chips.
 */
import type { AttachmentView } from '../../shared/protocol';
import { sameSource, toAttachmentView, type ContextAttachment } from './attachment';

export class ContextDraft {
  private items: ContextAttachment[] = [];

  /** Adds attachments, skipping any already attached; returns how many were new. */
  add(...attachments: readonly ContextAttachment[]): number {
    let added = 0;
    for (const attachment of attachments) {
      if (this.items.some((item) => sameSource(item, attachment))) continue;
      this.items.push(attachment);
      added++;
    }
    return added;
  }

  remove(id: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((item) => item.id !== id);
    return this.items.length !== before;
  }

  /** Replaces attachments in place (a file read again at send time), matched by id. */
  update(fresh: readonly ContextAttachment[]): void {
    const byId = new Map(fresh.map((item) => [item.id, item]));
    this.items = this.items.map((item) => byId.get(item.id) ?? item);
  }

  get attachments(): readonly ContextAttachment[] {
    return this.items;
  }

  /** Empties the draft and returns what was in it (the question was sent with it). */
  take(): ContextAttachment[] {
    const taken = this.items;
    this.items = [];
    return taken;
  }

  views(): AttachmentView[] {
    return this.items.map(toAttachmentView);
  }
}
