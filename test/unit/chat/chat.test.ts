import * as assert from 'node:assert/strict';
import { conversationTurns, createMessage, titleFromQuestion } from '../../../src/core/chat/chat';

describe('chat model', () => {
  it('titles a chat from the first line of the first question', () => {
    assert.equal(titleFromQuestion('How do I sort a map?\nMore details here'), 'How do I sort a map?');
    assert.equal(titleFromQuestion('   '), 'New chat');
    const long = 'Explain why this recursive function overflows the stack when the input list is very long';
    const title = titleFromQuestion(long);
    assert.ok(title.length <= 61, title);
    assert.ok(title.endsWith('…'));
    assert.ok(long.startsWith(title.slice(0, -1)));
  });

  it('leaves test markers out of titles', () => {
    assert.equal(titleFromQuestion('[[mock:slow-drip]] Tell me a story'), 'Tell me a story');
  });

  it('skips empty failed answers when building the next request', () => {
    const messages = [
      createMessage('user', 'first'),
      createMessage('assistant', '', { status: 'error' }),
      createMessage('user', 'second'),
      createMessage('assistant', 'answer', { reasoning: 'thought', status: 'done' }),
    ];
    const turns = conversationTurns(messages);
    assert.deepEqual(
      turns.map((t) => [t.role, t.content]),
      [
        ['user', 'first'],
        ['user', 'second'],
        ['assistant', 'answer'],
      ],
    );
    assert.equal(turns[2]?.reasoning, 'thought');
  });
});
