/** History search: by title and message text, every word, any case, kept current as chats change. */
import * as assert from 'node:assert/strict';
import { createChat, createMessage, type Chat } from '../../../src/core/chat/chat';
import { ChatSearchIndex } from '../../../src/core/chat/chatSearch';

function chat(title: string, ...texts: string[]): Chat {
  const made = createChat(1);
  made.title = title;
  texts.forEach((text, i) => made.messages.push(createMessage(i % 2 === 0 ? 'user' : 'assistant', text, {}, i)));
  return made;
}

describe('chat search', () => {
  it('finds chats by a word of the title or of any message, in any case, keeping the list order', () => {
    const a = chat('Sorting arrays', 'How do I sort?', 'Use Array.prototype.toSorted.');
    const b = chat('Regex help', 'Match an email', 'Try a Zebra pattern.');
    const c = chat('SORTING lists in Python', 'sorted()', 'Yes.');
    const index = new ChatSearchIndex();
    assert.deepEqual(index.search([a, b, c], 'sorting'), [a.id, c.id]);
    assert.deepEqual(index.search([a, b, c], 'zebra'), [b.id]);
    assert.deepEqual(index.search([a, b, c], 'TOSORTED'), [a.id]);
    assert.deepEqual(index.search([a, b, c], '  '), [a.id, b.id, c.id]);
  });

  it('needs every word of the query, in any order', () => {
    const a = chat('Rust lifetimes', 'borrow checker', 'explained');
    const b = chat('Rust macros', 'hygiene', 'explained');
    const index = new ChatSearchIndex();
    assert.deepEqual(index.search([a, b], 'explained rust borrow'), [a.id]);
  });

  it('sees a chat that changed since the last search (new answer, rename)', () => {
    const a = chat('First', 'question');
    const index = new ChatSearchIndex();
    assert.deepEqual(index.search([a], 'quokka'), []);
    a.messages.push(createMessage('assistant', 'A quokka is a marsupial.', {}, 5));
    assert.deepEqual(index.search([a], 'quokka'), [a.id]);
    a.title = 'Animals';
    assert.deepEqual(index.search([a], 'animals'), [a.id]);
  });

  it('searches 10,000 chats and finds the one word that only one answer holds', () => {
    const chats = Array.from({ length: 10_000 }, (_, i) => chat(`Chat ${i}`, `question ${i}`, `answer number ${i}`));
    chats[7_321]!.messages.push(createMessage('assistant', 'the rare word is axolotl', {}, 9));
    const index = new ChatSearchIndex();
    assert.deepEqual(index.search(chats, 'axolotl'), [chats[7_321]!.id]);
    assert.deepEqual(index.search(chats, 'number 9999'), [chats[9_999]!.id]);
  });
});
