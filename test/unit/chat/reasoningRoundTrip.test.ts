/**
 * The complete `reasoning_details` of every answer go back to the model on the next request,
 * unmodified and in the order received, also after a reload: text fragments merged by index,
 * summary and encrypted items byte-identical.
 */
import * as assert from 'node:assert/strict';
import { MIXED_ENCRYPTED, MIXED_SUMMARY } from '../../server/mixedReasoning';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { harness } from './sessionHarness';

interface SentMessage {
  role: string;
  content: string | null;
  reasoning_details?: Record<string, unknown>[];
}

describe('chat session: reasoning_details round trip', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('sends a mixed stream\'s details back on the next request, after a reload too', async () => {
    const first = await harness(server);
    const answer = await first.session.send('[[mock:reasoning-mixed]] hello');
    assert.equal(answer?.message.status, 'done');
    await first.session.dispose();

    const reloaded = await harness(server, first.dir);
    await reloaded.session.send('[[mock:echo]] and now?');
    const sent = (server.lastChatRequest()?.body as { messages: SentMessage[] }).messages;
    assert.deepEqual(sent.map((m) => m.role), ['user', 'assistant', 'user']);
    const details = sent[1]?.reasoning_details;
    assert.deepEqual(details, [
      { type: 'reasoning.text', text: 'The user says hello. politely.', format: 'anthropic-claude-v1', index: 0, signature: null },
      MIXED_SUMMARY,
      MIXED_ENCRYPTED,
      { type: 'reasoning.text', text: ' Answer in kind.', format: 'anthropic-claude-v1', index: 3, signature: 'sig-EXAMPLE-3' },
    ]);
    assert.equal(JSON.stringify(details?.[1]), JSON.stringify(MIXED_SUMMARY), 'the summary is byte-identical');
    assert.equal(JSON.stringify(details?.[2]), JSON.stringify(MIXED_ENCRYPTED), 'the encrypted item is byte-identical');
  });
});
