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

  it('reads every shown figure from the one clock of the client, not from the session', async () => {
    // The client's clock steps one second per reading: request out, first reasoning, first
    // content, end. The session's own clock (it dates messages) stands still at another time.
    let reading = 0;
    const { host } = hostFor(server, { clock: () => 1_000_000 + 1000 * reading++ });
    const session = new ChatSession(new ChatStore(await fs.mkdtemp(join(tmpdir(), 'orc-clock-'))), host, () => 5);
    await session.init();
    const outcome = await session.send('[[mock:echo]] one clock');
    const stats = outcome?.message.stats;
    assert.equal(reading, 4, 'the client read its clock at the request, the first reasoning, the first content and the end');
    assert.equal(stats?.ttftMs, 1000, 'first token: one step after the request left');
    assert.equal(stats?.reasoningSeconds, 1, 'reasoning: from its first token to the first content');
    const completion = stats?.completionTokens ?? 0;
    assert.ok(completion > 0);
    assert.equal(stats?.tokensPerSecond, Math.round((completion / 2) * 10) / 10, 'speed: completion tokens over the two steps from first token to end');
    assert.equal(outcome?.message.createdAt, 5, 'the session clock only dates the message');
  });
});
