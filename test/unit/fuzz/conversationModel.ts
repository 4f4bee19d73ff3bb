/**
 * What the user may rely on, kept beside the real sessions while the fuzz runs: every question
 * that entered a chat (from the `streamStart` the session posts), in order, until the user removed
 * it on purpose (Edit and resend cuts the turns after the edited one; Delete removes the chat).
 * Regenerate and Retry are checked the moment they are asked: they replace exactly the answer they
 * were asked for, or change nothing.
 */
import * as assert from 'node:assert/strict';
import type { CodeOrigin } from '../../../src/core/codeActions/codeOrigin';
import type { HostMessage } from '../../../src/shared/protocol';
import type { StoredMessage } from '../../../src/core/chat/chat';
import type { Window } from './conversationWorld';

export interface ModelQuestion {
  readonly id: string;
  content: string;
  /**
   * Two windows edited this question since the last settled check: a true conflict. The newest
   * revision wins, and two edits in the same millisecond tie, so either text may stand (every
   * copy must still agree, which the settled check compares).
   */
  contested?: Set<string>;
  /** The window whose edit set `content`, until the next settled check. */
  editedBy?: number;
  /** The window whose session accepted it. */
  readonly window: number;
}

export interface Expectation {
  /** Called right after the action's synchronous part (before its first await) has run. */
  check(): void;
}

export class ConversationModel {
  /** Questions by chat id, in the order they were asked. */
  readonly chats = new Map<string, ModelQuestion[]>();
  /**
   * Questions an Edit and resend removed. A window that had not seen the removal may still edit
   * one of them and resend it; the removal wins in every copy, so it does not come back here.
   */
  private readonly removed = new Set<string>();
  /** The origin each code action was asked with, by its code (unique per action). */
  readonly origins = new Map<string, CodeOrigin>();
  /** Broken expectations noticed after an action's promise settled (checked with the step invariants). */
  readonly problems: string[] = [];
  /** Counters for the README figures. */
  questions = 0;
  replacementsChecked = 0;

  observe(window: number, message: HostMessage): void {
    if (message.type !== 'streamStart' || !message.user) return;
    const questions = this.chats.get(message.chatId) ?? [];
    this.chats.set(message.chatId, questions);
    // A question asked again (Regenerate, Retry, Edit and resend) keeps its id. Its content is the
    // model's to change only on an edit (`expectEdit`): a window that has not yet seen another
    // window's edit regenerates from its older copy, and the newer edit must still win.
    const known = questions.find((q) => q.id === message.user!.id);
    if (!known && !this.removed.has(message.user.id)) {
      questions.push({ id: message.user.id, content: message.user.content, window });
      this.questions += 1;
    }
  }

  /** After a settled check passed: the file's text of each question is the agreed one. */
  settled(textOf: (chatId: string, questionId: string) => string | undefined): void {
    for (const [chatId, questions] of this.chats) {
      for (const question of questions) {
        question.content = textOf(chatId, question.id) ?? question.content;
        delete question.contested;
        delete question.editedBy;
      }
    }
  }

  deleted(chatId: string): void {
    this.chats.delete(chatId);
  }

  /** Regenerate or Retry under `answerId`, in the window's open chat. */
  expectReplacement(window: Window, answerId: string): Expectation {
    const session = window.session;
    const chat = session.activeChat;
    const before = chat.messages.map((m) => m.id);
    const last = chat.messages.at(-1);
    // A summary answers no question: Regenerate leaves it (and everything) alone.
    const accepted = !session.busy && last?.id === answerId && last.role === 'assistant' && last.summaryOf === undefined;
    return {
      check: () => {
        this.replacementsChecked += 1;
        const after = chat.messages.map((m) => m.id);
        if (!accepted) {
          assert.deepEqual(after, before, `a refused Regenerate/Retry of ${answerId} changed the chat`);
          return;
        }
        assert.deepEqual(after.slice(0, -1), before.slice(0, -1), 'Regenerate changed turns before the answer it replaces');
        assert.notEqual(after.at(-1), answerId, 'the regenerated answer kept the old id');
        assert.ok(!after.includes(answerId), 'the replaced answer is still in the chat');
        assert.equal(chat.messages.at(-1)?.role, 'assistant');
      },
    };
  }

  /**
   * Compact in the window's open chat: it changes nothing at once but the summary it starts at the
   * end, and when it is over the chat holds the same messages, plus the summary if it completed.
   */
  expectCompaction(window: Window): Expectation & { ended(summary: StoredMessage | undefined): void } {
    const session = window.session;
    const chat = session.activeChat;
    const before = chat.messages.map((m) => m.id);
    return {
      check: () => {
        const after = chat.messages.map((m) => m.id);
        assert.deepEqual(after.slice(0, before.length), before, 'Compact changed the messages it summarizes');
        assert.ok(after.length <= before.length + 1, 'Compact added more than its summary');
      },
      // Noted rather than thrown: the run's promise is only awaited with allSettled.
      ended: (summary) => {
        const kept = summary && chat.messages.find((m) => m.id === summary.id);
        if (kept && !(kept.status === 'done' && kept.content.trim() !== '')) this.problems.push(`an unfinished summary ${kept.id} (${String(kept.status)}) was kept in chat ${chat.id}`);
      },
    };
  }

  /** Edit and resend of question `userId` with `text`, in the window's open chat. */
  expectEdit(window: Window, userId: string, text: string): Expectation {
    const session = window.session;
    const chat = session.activeChat;
    const before = chat.messages.map((m) => m.id);
    const index = before.indexOf(userId);
    const accepted = !session.busy && chat.messages[index]?.role === 'user';
    const cut = new Set(before.slice(index + 1));
    return {
      check: () => {
        const after = chat.messages.map((m) => m.id);
        if (!accepted) {
          assert.deepEqual(after, before, 'a refused Edit and resend changed the chat');
          return;
        }
        assert.deepEqual(after.slice(0, index + 1), before.slice(0, index + 1), 'Edit and resend changed the turns before the edited question');
        assert.equal(chat.messages[index]?.content, text);
        assert.equal(after.length, index + 2, 'Edit and resend left turns after the edited question');
        // The turns after the edited question were removed on purpose.
        const questions = this.chats.get(chat.id);
        if (questions) this.chats.set(chat.id, questions.filter((q) => !cut.has(q.id)));
        for (const id of cut) this.removed.add(id);
        const edited = this.chats.get(chat.id)?.find((q) => q.id === userId);
        if (edited) {
          if (edited.editedBy !== undefined && edited.editedBy !== window.index) edited.contested = new Set([...(edited.contested ?? [edited.content]), text]);
          edited.content = text;
          edited.editedBy = window.index;
        }
      },
    };
  }
}
