import * as assert from 'node:assert/strict';
import { conversationFromHistory, type HistoryTurn } from '../../../src/core/languageModels/chatHistory';
import { ThoughtProgress } from '../../../src/core/languageModels/thoughtProgress';

describe('@openrouter participant: conversation and reasoning progress', () => {
  it("keeps only this participant's turns of the chat history, then the new question", () => {
    const history: HistoryTurn[] = [
      { kind: 'request', participant: 'openrouterChat.participant', prompt: 'What is 2+2?' },
      { kind: 'response', participant: 'openrouterChat.participant', markdown: '4' },
      { kind: 'request', participant: 'github.copilot.workspace', prompt: 'Find the tests' },
      { kind: 'response', participant: 'github.copilot.workspace', markdown: 'In test/' },
      { kind: 'request', participant: 'openrouterChat.participant', prompt: 'Stopped early' },
      { kind: 'response', participant: 'openrouterChat.participant', markdown: '' },
    ];
    assert.deepEqual(conversationFromHistory(history, 'openrouterChat.participant', 'And 3+3?'), [
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '4' },
      { role: 'user', content: 'Stopped early' },
      { role: 'user', content: 'And 3+3?' },
    ]);
  });

  it('shows "Thinking…" at once, then each finished sentence of reasoning, once', () => {
    const shown: string[] = [];
    const progress = new ThoughtProgress((line) => shown.push(line), 'Thinking…');
    for (const delta of ['', 'The user', ' asks for', ' a sum. I add', ' the two', ' numbers.\nThen I ', 'answer', ' briefly']) progress.push(delta);
    assert.deepEqual(shown, ['Thinking…', 'The user asks for a sum.', 'I add the two numbers.']);
  });

  it('shortens a long sentence of reasoning', () => {
    const shown: string[] = [];
    const progress = new ThoughtProgress((line) => shown.push(line), 'Thinking…');
    progress.push(`${'x'.repeat(300)}. Next`);
    assert.equal(shown[1]?.length, 160);
    assert.ok(shown[1]?.endsWith('…'));
  });
});
