/**
 * "First token" counts from the moment the request leaves, not from before it was prepared (the
 * model list, a cost question): one clock, the client's, for every figure of an answer.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession, type PrepareResult } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { hostFor } from './sessionHarness';

describe('chat session: time to first token', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('leaves the time spent preparing the request out', async () => {
    const { host } = hostFor(server);
    const ready = host.prepare;
    let preparedAt = 0;
    // Preparing takes a while, as when the model list loads or the cost question is open.
    host.prepare = async (turns, signal): Promise<PrepareResult> => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      preparedAt = Date.now();
      return ready(turns, signal);
    };
    const session = new ChatSession(new ChatStore(await fs.mkdtemp(join(tmpdir(), 'orc-ttft-'))), host);
    await session.init();
    const outcome = await session.send('[[mock:echo]] hello');
    const answeredAt = Date.now();
    const ttft = outcome?.message.stats?.ttftMs;
    assert.ok(ttft !== undefined, 'the answer has a first-token time');
    // Whatever the machine's speed: the first token came after preparing ended and before the answer did.
    assert.ok(ttft >= 0 && ttft <= answeredAt - preparedAt, `first token ${ttft} ms, but the request was out for only ${answeredAt - preparedAt} ms`);
  });
});
