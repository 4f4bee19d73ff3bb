/**
 * Stopped and failed answers are billed, but their stream ends before the usage chunk: before
 * this fix they showed no tokens and no cost. Their figures now come from OpenRouter's
 * `/generation` record, which the local server keeps as the real one does (billed for what was
 * produced, and 404 "not found" for the first lookups after the stream ended).
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { toChatView } from '../../../src/core/chat/chat';
import { spendOf } from '../../../src/core/spend/spendLedger';
import { chatCostUsd } from '../../../src/shared/chatCost';
import type { AnswerStats, HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support';
import { hostFor } from './sessionHarness';

type StatsMessage = Extract<HostMessage, { type: 'answerStats' }>;

describe('chat session: billed figures of stopped and failed answers', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  /**
   * A session whose client backs off briefly between lookups; `onPost` sees every message the
   * session posts, and `lateStats` resolves with the first late figures.
   */
  async function session(options: { baseDelayMs?: number; onPost?: (message: HostMessage, session: ChatSession) => void } = {}) {
    const { host, posted } = hostFor(server, { retry: { baseDelayMs: options.baseDelayMs ?? 5, maxDelayMs: Math.max(20, options.baseDelayMs ?? 5) } });
    const dir = await fs.mkdtemp(join(tmpdir(), 'orc-billed-'));
    const owner: { session?: ChatSession } = {};
    let arrived: (message: StatsMessage) => void = () => undefined;
    const lateStats = new Promise<StatsMessage>((resolve) => (arrived = resolve));
    const post = host.post.bind(host);
    host.post = (message) => {
      post(message);
      if (message.type === 'answerStats') arrived(message);
      if (owner.session) options.onPost?.(message, owner.session);
    };
    const chatSession = new ChatSession(new ChatStore(dir), host);
    owner.session = chatSession;
    await chatSession.init();
    return { session: chatSession, posted, lateStats, dir };
  }

  /** What `/generation` says now (its lag already used up by the session's lookups). */
  async function generationRecord(id: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${server.baseUrl}/generation?id=${id}`, { headers: { Authorization: `Bearer ${TEST_API_KEY}` } });
    assert.equal(response.status, 200);
    return ((await response.json()) as { data: Record<string, unknown> }).data;
  }

  /** The generation the session asked about last. */
  function lookedUpId(): string {
    const path = server.requests.filter((request) => request.path.includes('/generation?id=')).at(-1)?.path ?? '';
    const id = new URL(path, 'http://x').searchParams.get('id');
    assert.ok(id, 'the session asked /generation');
    return id;
  }

  function lookupsOf(id: string): string[] {
    return server.requests.filter((request) => request.path === `/api/v1/generation?id=${id}`).map((request) => request.script);
  }

  function assertFromRecord(stats: AnswerStats | undefined, record: Record<string, unknown>): void {
    assert.ok(stats, 'the answer has figures');
    assert.equal(stats.promptTokens, record['native_tokens_prompt']);
    assert.equal(stats.completionTokens, record['native_tokens_completion']);
    assert.equal(stats.costUsd, record['total_cost']);
    assert.ok((stats.completionTokens ?? 0) > 0, 'tokens were produced before the end');
    assert.ok((stats.costUsd ?? 0) > 0, 'and billed');
  }

  it('a stopped answer ends with the tokens and cost of its /generation record, shown, counted and saved', async () => {
    let stopped = false;
    const { session: chat, posted, lateStats, dir } = await session({
      onPost: (message, s) => {
        // Stop once some of the answer has arrived, as a user does.
        if (!stopped && message.type === 'streamDelta' && message.content) {
          stopped = true;
          s.stop();
        }
      },
    });
    const outcome = await chat.send('[[mock:slow-drip count=400 delayMs=10]] count for me');
    assert.equal(outcome?.message.status, 'stopped');
    const ended = posted.find((m): m is Extract<HostMessage, { type: 'streamEnd' }> => m.type === 'streamEnd');
    assert.equal(ended?.message.stats?.costUsd, undefined, 'the stream itself brought no cost');
    assert.ok(ended && spendOf(ended) === undefined, 'so its end adds nothing to the spend (the late figures do, once)');

    const late = await lateStats;
    const id = lookedUpId();
    assert.equal(late.messageId, outcome?.message.id);
    const record = await generationRecord(id);
    assert.equal(record['cancelled'], true, 'the server recorded the generation as cancelled');
    assertFromRecord(late.stats, record);
    // The same figures on the message, under the timings of the answer's own clock.
    const message = chat.activeChat.messages.find((m) => m.id === late.messageId);
    assert.deepEqual(message?.stats, late.stats);
    assert.ok(late.stats.ttftMs !== undefined, 'the first-token time is kept');
    // Counted: the chat's running cost and the spend both take it.
    assert.equal(chatCostUsd(toChatView(chat.activeChat).messages), late.stats.costUsd);
    assert.equal(spendOf(late), late.stats.costUsd);
    // Saved with the message.
    await chat.dispose();
    const reloaded = await new ChatStore(dir).load(chat.activeChat.id);
    assert.deepEqual(reloaded?.messages.find((m) => m.id === late.messageId)?.stats, late.stats);
  });

  it('an answer that fails mid-stream ends with the tokens and cost of its /generation record', async () => {
    const { session: chat, lateStats } = await session();
    const outcome = await chat.send('[[mock:midstream-error-number]] explain');
    assert.equal(outcome?.message.status, 'error');
    assert.ok(outcome?.message.content, 'the partial answer is kept');
    const late = await lateStats;
    assert.equal(late.messageId, outcome?.message.id);
    const id = lookedUpId();
    const record = await generationRecord(id);
    assert.equal(record['finish_reason'], 'error');
    assertFromRecord(late.stats, record);
    assert.deepEqual(chat.activeChat.messages.at(-1)?.stats, late.stats);
    await chat.dispose();
  });

  it('asks again while /generation answers 404 (not recorded yet), then takes the record', async () => {
    const { session: chat, lateStats } = await session();
    const outcome = await chat.send('[[mock:cut-off generationLag=3]] explain');
    assert.equal(outcome?.message.status, 'error');
    const late = await lateStats;
    const id = lookedUpId();
    const lookups = lookupsOf(id);
    assert.equal(lookups.at(-1), 'generation', 'the last lookup found the record');
    assert.equal(lookups.filter((script) => script === 'generation').length, 1, 'and nothing was asked after it');
    // At least the three lookups of the lag; one more when a lookup came before the server saw the end.
    assert.ok(lookups.filter((script) => script === 'generation-not-found').length >= 3, `lookups: ${lookups.join(', ')}`);
    assertFromRecord(late.stats, await generationRecord(id));
    await chat.dispose();
  });

  it('a finished answer takes its figures from the stream and asks /generation nothing', async () => {
    const { session: chat, posted } = await session();
    const before = server.requests.length;
    const outcome = await chat.send('[[mock:echo]] hi');
    await chat.dispose();
    assert.ok((outcome?.message.stats?.costUsd ?? 0) > 0);
    assert.deepEqual(server.requests.slice(before).filter((r) => r.path.includes('/generation')), []);
    assert.ok(!posted.some((m) => m.type === 'answerStats'));
  });

  it('closing the session cancels a lookup still waiting for the record, and nothing is applied', async () => {
    let firstLookup: () => void = () => undefined;
    const looked = new Promise<void>((resolve) => (firstLookup = resolve));
    server.onRequest((request) => {
      if (request.path.includes('/generation?id=')) firstLookup();
    });
    // Long pauses between lookups: only a cancelled wait lets dispose() end inside the test's time.
    const { session: chat, posted } = await session({ baseDelayMs: 60_000 });
    const outcome = await chat.send('[[mock:cut-off generationLag=100]] explain');
    assert.equal(outcome?.message.status, 'error');
    await looked;
    await chat.dispose();
    assert.ok(!posted.some((m) => m.type === 'answerStats'));
    assert.equal(chat.activeChat.messages.at(-1)?.stats?.costUsd, undefined);
  });
});
