/**
 * The whole state, sent while an answer streams (the view was hidden and shown again, or its chat
 * reopened), and the stream deltas after it add up to the answer exactly once.
 */
import * as assert from 'node:assert/strict';
import type { HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { harness } from './sessionHarness';

/** What the chat webview shows of answer `messageId` after these messages, before its end. */
function shownText(posted: readonly HostMessage[], messageId: string): string {
  let text = '';
  for (const message of posted) {
    if (message.type === 'state' && message.state.streaming?.messageId === messageId) {
      text = message.state.chat.messages.find((m) => m.id === messageId)?.content ?? '';
    } else if (message.type === 'streamDelta' && message.messageId === messageId) {
      text += message.content ?? '';
    } else if (message.type === 'streamEnd' && message.message.id === messageId) {
      break;
    }
  }
  return text;
}

describe('chat session: whole state during a stream', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('never shows text twice when the state is sent while deltas are held back', async () => {
    const { session, posted } = await harness(server);
    // The view reloads on every content event, i.e. also while the batcher holds text back.
    const outcome = await session.send('[[mock:long-markdown tokens=60]] a long answer', {
      onEvent: (event) => {
        if (event.type === 'content') session.postState();
      },
    });
    assert.equal(outcome?.message.status, 'done');
    assert.equal(shownText(posted, outcome.message.id), outcome.message.content);
  });
});
