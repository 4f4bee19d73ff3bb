/**
 * The invariants of issue 21, checked against the real sessions and the real files. `always` holds
 * after every step, mid-stream included; `settled` holds once every answer has ended and every
 * window has read what the others wrote.
 */
import * as assert from 'node:assert/strict';
import type { Chat, StoredMessage } from '../../../src/core/chat/chat';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { originOfAnswer } from '../../../src/core/codeActions/codeOrigin';
import type { ModelQuestion } from './conversationModel';
import type { ConversationWorld, Window } from './conversationWorld';

export interface InvariantCounts {
  always: number;
  settled: number;
}

export const counts: InvariantCounts = { always: 0, settled: 0 };

/** After every step. */
export function checkAlways(world: ConversationWorld): void {
  assert.deepEqual(world.model.problems, [], 'an action broke what the model expected of it');
  for (const window of world.windows) {
    const streaming = window.chats().flatMap((chat) => chat.messages.filter((m) => m.status === 'streaming').map((m) => ({ chat, m })));
    assert.ok(streaming.length <= 1, `window ${window.index}: ${streaming.length} answers stream at once`);
    // Stop is reachable: the view state names the running answer wherever the user is.
    const named = window.session.viewState().streaming;
    const running = streaming[0];
    assert.deepEqual(
      named,
      running ? { chatId: running.chat.id, messageId: running.m.id } : undefined,
      `window ${window.index}: the view state does not name the answer that streams`,
    );
    // No question this window accepted is missing from its own copy of the chat, and all keep their order.
    for (const [chatId, questions] of world.model.chats) {
      const mine = questions.filter((q) => q.window === window.index);
      const copy = window.session.chatById(chatId);
      if (mine.length === 0 || !copy) continue;
      // Contents are compared once settled: another window may have edited a question since.
      assertQuestionsIn(copy, mine, `window ${window.index}, chat ${chatId}`, { contents: false });
    }
    assert.equal(window.startsAfterRetirement(), 0, `window ${window.index}: a session started an answer after its window reloaded`);
    // The view shown again mid-stream must not end with text twice (or missing).
    assert.deepEqual(window.view.mismatches, [], `window ${window.index}: the view's streamed text differs from the answer`);
    counts.always += 5;
  }
}

/** Once everything has ended and every window has read the others' writes. */
export async function checkSettled(world: ConversationWorld): Promise<void> {
  const { chats: onDisk } = await new ChatStore(world.dir).loadAll();
  const disk = new Map(onDisk.map((chat) => [chat.id, chat]));
  for (const chat of onDisk) assertFinal(chat, 'on disk');
  // No question is lost, on disk or in any window that holds the chat.
  for (const [chatId, questions] of world.model.chats) {
    const saved = disk.get(chatId);
    assert.ok(saved, `chat ${chatId} with ${questions.length} question(s) is missing on disk`);
    assertQuestionsIn(saved, questions, `disk, chat ${chatId}`);
    for (const window of world.windows) {
      const copy = window.session.chatById(chatId);
      if (copy) assertQuestionsIn(copy, questions, `window ${window.index}, chat ${chatId}`);
    }
  }
  for (const window of world.windows) checkWindowAgainstDisk(window, disk);
  // Apply after a reload: every answer to a code action still finds where its code came from,
  // read back from the file (as a reloaded window reads it).
  for (const chat of onDisk) {
    for (const answer of chat.messages.filter((m) => m.role === 'assistant')) {
      const origin = originOfAnswer(chat.messages, answer.id);
      if (origin) assert.deepEqual(origin, world.model.origins.get(origin.text), `disk, chat ${chat.id}: answer ${answer.id} lost its code's origin`);
    }
    for (const question of chat.messages.filter((m) => m.role === 'user' && m.label?.startsWith('Refactor'))) {
      assert.ok(question.origin, `disk, chat ${chat.id}: the code action ${question.id} was saved without its origin`);
    }
  }
  world.model.settled((chatId, questionId) => disk.get(chatId)?.messages.find((m) => m.id === questionId)?.content);
  counts.settled += 4;
}

function checkWindowAgainstDisk(window: Window, disk: ReadonlyMap<string, Chat>): void {
  const listed = window.session.viewState().chats.map((c) => c.id);
  assert.deepEqual(new Set(listed), new Set(disk.keys()), `window ${window.index}: the history differs from the chats on disk`);
  for (const chat of window.chats()) {
    assertFinal(chat, `window ${window.index}`);
    const saved = disk.get(chat.id);
    if (!saved) {
      // Only an empty new chat, or the open chat another window deleted, is not on disk.
      assert.ok(chat.messages.length === 0 || chat.id === window.session.activeChat.id, `window ${window.index}: chat ${chat.id} is not on disk`);
      continue;
    }
    assert.deepEqual(shape(chat), shape(saved), `window ${window.index}: chat ${chat.id} differs from its file`);
  }
}

/**
 * Every question is there, and the questions of each window keep the order they were asked in.
 * Questions two windows asked in the same millisecond have no order between them; every copy
 * agrees on one (the settled check compares the windows with the file).
 */
function assertQuestionsIn(chat: Chat, questions: readonly ModelQuestion[], where: string, options = { contents: true }): void {
  const users = chat.messages.filter((m) => m.role === 'user');
  const position = new Map(users.map((m, i) => [m.id, i]));
  const lastByWindow = new Map<number, number>();
  for (const question of questions) {
    const at = position.get(question.id);
    assert.ok(at !== undefined, `${where}: question ${question.id} ("${question.content.slice(0, 40)}") is lost`);
    assert.ok(at > (lastByWindow.get(question.window) ?? -1), `${where}: question ${question.id} ("${question.content.slice(0, 40)}") is out of order`);
    lastByWindow.set(question.window, at);
    if (options.contents && !question.contested?.has(users[at]!.content)) assert.equal(users[at]!.content, question.content, `${where}: question ${question.id} changed`);
  }
}

function assertFinal(chat: Chat, where: string): void {
  for (const message of chat.messages) {
    if (message.role !== 'assistant') continue;
    assert.ok(
      message.status === 'done' || message.status === 'stopped' || message.status === 'error',
      `${where}: answer ${message.id} in chat ${chat.id} ended with status ${String(message.status)}`,
    );
    if (message.status === 'error') assert.ok(message.error, `${where}: failed answer ${message.id} says nothing about why`);
  }
}

/** What the user sees of a chat, for comparing a window's copy with the file. */
function shape(chat: Chat): unknown {
  return { title: chat.title, messages: chat.messages.map((m: StoredMessage) => ({ id: m.id, role: m.role, content: m.content, status: m.status })) };
}
