/**
 * Fitting the window against the real local server, which enforces each model's context length
 * the way OpenRouter does: a chat that outgrows a small model keeps answering and says what was
 * left out; a context-length error recalibrates the estimate and offers Compact, whose summary fits.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession, type ChatSessionHost } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { ContextWindow } from '../../../src/core/context/contextWindow';
import { SUMMARY_HEADING } from '../../../src/core/chat/summary';
import { tokenCounter } from '../../../src/core/context/tokenCounter';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import { buildChatRequest } from '../../../src/core/openrouter/requestBuilder';
import type { ModelInfo } from '../../../src/core/openrouter/types';
import type { HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support';
import { shippedO200kCount } from './shippedO200k';

const SMALL = 'meta-llama/llama-3-8b-instruct';
const LARGE = 'openai/gpt-oss-120b';

// Counted by the character estimate (no encoding loaded) and by o200k, as the extension counts once loaded.
for (const counting of ['the character estimate', 'o200k'] as const) {
describe(`fitting the model window, against the local server, counting by ${counting}`, function () {
  this.timeout(30_000);
  if (counting === 'o200k') {
    before(async function () {
      this.timeout(120_000);
      const o200kCount = await shippedO200kCount();
      tokenCounter.useLoader(() => ({ countTokens: o200kCount }));
      assert.equal(await tokenCounter.ready(LARGE), true);
    });
    after(() => tokenCounter.useLoader(undefined));
  }
  let server: MockOpenRouter;
  let client: OpenRouterClient;
  let models: ModelInfo[];

  before(async () => {
    server = await startOpenRouterServer();
    client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, stallTimeoutMs: 5000 });
    models = await client.listModels();
  });
  after(async () => server.close());

  interface Harness {
    session: ChatSession;
    posted: HostMessage[];
    omitted: number[];
    useModel(id: string): void;
  }

  async function harness(): Promise<Harness> {
    const posted: HostMessage[] = [];
    const omitted: number[] = [];
    const window = new ContextWindow((count) => omitted.push(count));
    let modelId = LARGE;
    const host: ChatSessionHost = {
      post: (message) => {
        if (message.type === 'streamEnd') window.observe(message.message);
        posted.push(message);
      },
      prepare: async (turns) => {
        const model = models.find((m) => m.id === modelId);
        assert.ok(model, `${modelId} is in the fixture`);
        const fitted = window.fit(turns, { model });
        return { kind: 'ready', client, request: buildChatRequest(fitted.turns, { model: modelId, reasoningEffort: 'low' }, { model }) };
      },
      viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: modelId }, strings: {} }),
      log: () => undefined,
    };
    const session = new ChatSession(new ChatStore(await fs.mkdtemp(join(tmpdir(), 'orc-window-'))), host);
    await session.init();
    return { session, posted, omitted, useModel: (id) => (modelId = id) };
  }

  // Text the client under-counts, as real text can be against OpenRouter. CJK costs the server
  // a token a character: three times the character estimate. A long run of one letter is eight
  // characters a token in o200k and four for the server: twice the o200k count.
  const underCounted = counting === 'o200k' ? 'x'.repeat(7600) : '漢字の文章です。'.repeat(190);

  function chatRequests() {
    return server.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  it('continues a long chat on an 8K model: every answer arrives, the oldest turns are left out and counted', async () => {
    const { session, omitted, useModel } = await harness();
    useModel(SMALL);
    const first = chatRequests().length;
    for (let i = 0; i < 14; i++) {
      const outcome = await session.send(`Question ${i}: ${'lorem ipsum dolor sit amet '.repeat(120)}`);
      assert.equal(outcome?.message.status, 'done', `answer ${i}: ${outcome?.message.error?.message ?? ''}`);
    }
    const sent = chatRequests().slice(first);
    assert.equal(sent.length, 14, 'no request was refused and retried');
    assert.ok(omitted.length > 0 && omitted.every((n) => n > 0), 'the user is told what was left out');
    const last = sent[sent.length - 1]?.body as { messages: Array<{ role: string; content: string }> };
    assert.ok(last.messages.length < 27, `fewer than all 27 turns were sent (${last.messages.length})`);
    assert.equal(last.messages[0]?.role, 'user', 'the kept part starts with a question');
    assert.match(last.messages[last.messages.length - 1]?.content ?? '', /^Question 13:/);
    assert.equal(session.activeChat.messages.length, 28, 'nothing is dropped from the chat itself');
  });

  it('a context-length error teaches the estimate and offers Compact; answering again sends fewer turns and gets an answer', async () => {
    const { session, omitted, useModel } = await harness();
    for (let i = 0; i < 6; i++) {
      const outcome = await session.send(`問題${i}：${underCounted}`);
      assert.equal(outcome?.message.status, 'done');
    }
    useModel(SMALL);
    const failed = await session.send('そして次は？');
    assert.equal(failed?.message.status, 'error');
    assert.equal(failed?.message.error?.kind, 'contextTooLong');
    assert.deepEqual(failed?.message.error?.actions, ['compact'], 'Compact, not a Retry that could fail the same way');
    const refusedBody = chatRequests().at(-1)?.body as { messages: unknown[] };

    const retried = await session.regenerate();
    assert.equal(retried?.message.status, 'done', retried?.message.error?.message);
    const retriedBody = chatRequests().at(-1)?.body as { messages: Array<{ content: string }> };
    assert.ok(retriedBody.messages.length < refusedBody.messages.length, 'Retry left out more of the earlier turns');
    assert.equal(retriedBody.messages.at(-1)?.content, 'そして次は？');
    assert.ok(omitted.length > 0);
  });

  it('after a context-length error, Compact summarizes the chat into a summary that fits, and the next question is answered from it', async () => {
    const { session, useModel } = await harness();
    for (let i = 0; i < 6; i++) {
      const outcome = await session.send(`問題${i}：${underCounted}`);
      assert.equal(outcome?.message.status, 'done');
    }
    useModel(SMALL);
    const failed = await session.send('そして次は？');
    assert.equal(failed?.message.error?.kind, 'contextTooLong');

    const summary = await session.compact();
    assert.equal(summary?.message.status, 'done', summary?.message.error?.message);
    assert.equal(summary?.message.summaryOf, 14);
    const answer = await session.send('では続けましょう');
    assert.equal(answer?.message.status, 'done', answer?.message.error?.message);
    const body = chatRequests().at(-1)?.body as { messages: Array<{ role: string; content: string }> };
    assert.deepEqual(body.messages.map((m) => m.role), ['user', 'user']);
    assert.equal(body.messages[0]?.content, `${SUMMARY_HEADING}\n\n${summary?.message.content.trim()}`);
    assert.equal(session.activeChat.messages.length, 17, 'every question and answer is still in the chat');
  });
});
}
