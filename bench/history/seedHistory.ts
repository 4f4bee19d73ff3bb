/**
 * A stored history for the history benches: `count` chats written as the extension writes them
 * (ChatStore.save: one `chats/<id>.json` per chat, `{ version, chat }`), then listed once so the
 * index exists, as it does after the first start. Deterministic: the same chats every run.
 *
 * Chats are shaped like real ones: 1 to 6 turns, questions of a sentence or two, answers of
 * 500 to 3,000 characters of prose with now and then a code block; about 7 KB of text a chat.
 */
import { createChat, createMessage, type Chat } from '../../src/core/chat/chat';
import { ChatStore } from '../../src/core/chat/chatStore';
import { seededRandom } from '../../test/support';

const WORDS = (
  'the request stream token parser render block answer model cache value buffer editor webview host message function returns ' +
  'error handler config setting client server chunk delta frame layout state reason update list table code line file path test ' +
  'result async await promise type interface module import export class method field array string number object map set query ' +
  'index search history chat window folder disk write read lock merge sync build bundle deploy docker kubernetes python rust go'
).split(' ');

const DAY_MS = 24 * 60 * 60 * 1000;


function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)] as string);
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function answer(next: () => number): string {
  const parts: string[] = [];
  const target = 500 + Math.floor(next() * 2500);
  let length = 0;
  while (length < target) {
    const part = next() < 0.15 ? '```ts\nexport function ' + WORDS[Math.floor(next() * WORDS.length)] + '(value: string): string {\n  return value.trim();\n}\n```' : sentence(next, 8 + Math.floor(next() * 20));
    parts.push(part);
    length += part.length + 2;
  }
  return parts.join('\n\n');
}

/** The `index`-th chat of the bench history (ids are fixed so runs compare). */
export function benchChat(index: number, now: number): Chat {
  const next = seededRandom(index + 1);
  // Spread over a year, newest first in index order, so the history has every group.
  const updatedAt = now - Math.floor((index / 10_000) * 365 * DAY_MS) - Math.floor(next() * 60_000);
  const chat = { ...createChat(updatedAt), id: `bench-${String(index).padStart(5, '0')}` };
  chat.title = sentence(next, 3 + Math.floor(next() * 5)).slice(0, 60);
  const turns = 1 + Math.floor(next() * 6);
  for (let turn = 0; turn < turns; turn++) {
    chat.messages.push(createMessage('user', sentence(next, 6 + Math.floor(next() * 20)), {}, updatedAt - 1000));
    chat.messages.push(createMessage('assistant', answer(next), { status: 'done', stats: { model: 'openai/gpt-oss-120b' } }, updatedAt));
  }
  chat.updatedAt = updatedAt;
  return chat;
}

/** Writes `count` chats into `storageDir` through the real store, then lists them once (the index). */
export async function seedHistory(storageDir: string, count: number, now = Date.now()): Promise<void> {
  const store = new ChatStore(storageDir);
  // The index is built once at the end, as on the first start after an update: 10,000 index
  // rewrites (one per save) would only slow the seeding down.
  for (let start = 0; start < count; start += 64) {
    await Promise.all(Array.from({ length: Math.min(64, count - start) }, (_, i) => store.save(benchChat(start + i, now))));
  }
  await store.loadIndex();
}
