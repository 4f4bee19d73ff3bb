/**
 * What the user can do the moment an answer ends (found by the UI journeys after the merges): the
 * session still writes the chat to disk after posting `streamEnd`. A New chat in that moment must
 * not show the finished answer as still running (the view then showed Stop and queued every later
 * question), and a message sent in that moment (a queued one is sent right at `streamEnd`) must be
 * answered, not refused as busy.
 */
import * as assert from 'node:assert/strict';
import type { HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { hostFor } from './sessionHarness';
import { ChatSession } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('chat session: the moment an answer ends', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  async function sessionReactingToStreamEnd(react: (session: ChatSession) => void): Promise<{ session: ChatSession; posted: HostMessage[] }> {
    const { host, posted } = hostFor(server);
    const owner: { session?: ChatSession } = {};
    let reacted = false;
    const post = host.post.bind(host);
    host.post = (message) => {
      post(message);
      // As a view does: it acts as soon as it sees the end, before the chat is on disk.
      if (message.type === 'streamEnd' && !reacted && owner.session) {
        reacted = true;
        react(owner.session);
      }
    };
    const session = new ChatSession(new ChatStore(await fs.mkdtemp(join(tmpdir(), 'orc-end-'))), host);
    owner.session = session;
    await session.init();
    return { session, posted };
  }

  it('a New chat right at the end does not show the finished answer as running', async () => {
    const { session, posted } = await sessionReactingToStreamEnd((s) => s.newChat());
    await session.send('[[mock:echo]] first');
    await session.idle();
    const state = posted.filter((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state').pop()?.state;
    assert.ok(state, 'New chat posted a state');
    assert.equal(state.streaming, undefined, 'the finished answer is not named as running');
  });

  it('a message sent right at the end is answered, not refused as busy', async () => {
    let next: Promise<unknown> | undefined;
    const { session, posted } = await sessionReactingToStreamEnd((s) => {
      next = s.send('[[mock:echo]] second');
    });
    await session.send('[[mock:echo]] first');
    await next;
    await session.idle();
    assert.ok(!posted.some((m) => m.type === 'notice' && /still streaming/.test(m.text)), 'no busy notice');
    assert.deepEqual(
      session.activeChat.messages.filter((m) => m.role === 'user').map((m) => m.content),
      ['[[mock:echo]] first', '[[mock:echo]] second'],
    );
  });
});
