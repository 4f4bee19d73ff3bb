/**
 * What a chat adds to its requests, end to end against the local server: one `session_id` per
 * chat, the chat's own parameters (saved with it, not inherited by a new chat), the once-per-chat
 * notice about unsupported parameters, and the answer's figures (exact cost, cached tokens and
 * their discount, the model and provider that really served).
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnsupportedParameterNotices } from '../../../src/core/chat/chatParameters';
import { ChatSession, type ChatSessionHost } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { planRequest } from '../../../src/core/chat/requestPlan';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import type { ChatSettings } from '../../../src/core/openrouter/requestBuilder';
import type { ModelInfo } from '../../../src/core/openrouter/types';
import { chatCostUsd } from '../../../src/shared/chatCost';
import type { HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support';

interface Harness {
  session: ChatSession;
  posted: HostMessage[];
  store: ChatStore;
  settings: ChatSettings;
}

describe('chat requests: session, own parameters, figures', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  let models: ModelInfo[];
  before(async () => {
    server = await startOpenRouterServer();
    models = await new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY }).listModels();
  });
  after(() => server.close());

  /** A session whose host builds requests like the extension's preparer (same planRequest). */
  async function harness(settings: ChatSettings, dir?: string): Promise<Harness> {
    const store = new ChatStore(dir ?? (await fs.mkdtemp(join(tmpdir(), 'orc-params-'))));
    const posted: HostMessage[] = [];
    const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, stallTimeoutMs: 5000 });
    const notices = new UnsupportedParameterNotices();
    const host: ChatSessionHost = {
      post: (m) => posted.push(m),
      prepare: async (turns, _signal, options) => {
        const model = models.find((m) => m.id === settings.model);
        const plan = planRequest({ turns, settings, ...(options?.chat ? { chat: options.chat } : {}), ...(model ? { model } : {}), notices });
        if (!plan.ok) return { kind: 'refused', error: { kind: 'settings', message: plan.problems.join(' '), actions: [] } };
        return { kind: 'ready', client, request: plan.request, ...(model ? { model } : {}), ...(plan.notice ? { notice: plan.notice } : {}) };
      },
      viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: settings.model }, strings: {} }),
      log: () => undefined,
    };
    const session = new ChatSession(store, host);
    await session.init();
    return { session, posted, store, settings };
  }

  const bodies = (): Record<string, unknown>[] => server.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as Record<string, unknown>);

  it('sends one session_id per chat: the same on every request of a chat, another for the next chat', async () => {
    const { session } = await harness({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium' });
    const before = bodies().length;
    await session.send('First');
    await session.send('Second');
    await session.regenerate();
    const firstChat = session.activeChat.id;
    session.newChat();
    await session.send('Other chat');
    const sessionIds = bodies().slice(before).map((b) => b['session_id']);
    assert.deepEqual(sessionIds.slice(0, 3), [firstChat, firstChat, firstChat]);
    assert.equal(sessionIds[3], session.activeChat.id);
    assert.notEqual(sessionIds[3], firstChat);
  });

  it("applies a chat's own parameters to its requests, keeps them with the chat, and a new chat does not inherit them", async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'orc-params-'));
    const { session } = await harness({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', temperature: 1 }, dir);
    await session.setChatParameters({ temperature: 0.2, topP: 0.5, seed: 7, stop: ['STOP'], reasoningEffort: 'high' });
    await session.send('With my parameters');
    const tuned = bodies().at(-1)!;
    assert.equal(tuned['temperature'], 0.2);
    assert.equal(tuned['top_p'], 0.5);
    assert.equal(tuned['seed'], 7);
    assert.deepEqual(tuned['stop'], ['STOP']);
    assert.deepEqual(tuned['reasoning'], { effort: 'high' });
    const tunedChat = session.activeChat.id;
    assert.deepEqual(session.viewState().chat.parameters, { reasoningEffort: 'high', temperature: 0.2, topP: 0.5, seed: 7, stop: ['STOP'] });

    session.newChat();
    await session.send('A new chat');
    const plain = bodies().at(-1)!;
    assert.equal(plain['temperature'], 1, 'the setting again');
    assert.equal(plain['top_p'], undefined);
    assert.deepEqual(plain['reasoning'], { effort: 'medium' });
    assert.equal(session.viewState().chat.parameters, undefined);

    // Saved with the chat: a fresh session over the same folder sends them again.
    await session.dispose();
    const reopened = await harness({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', temperature: 1 }, dir);
    await reopened.session.openChat(tunedChat);
    await reopened.session.send('Again');
    assert.equal(bodies().at(-1)!['temperature'], 0.2);
  });

  it('refuses to send with an invalid own parameter (read from disk or the view), naming it', async () => {
    const { session } = await harness({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium' });
    const before = bodies().length;
    await session.setChatParameters({ topP: 3 });
    const outcome = await session.send('Hi');
    assert.equal(outcome?.message.status, 'error');
    assert.match(outcome?.message.error?.message ?? '', /Parameters of this chat: topP must be at most 1, not 3/);
    assert.equal(bodies().length, before, 'nothing sent');
  });

  it('tells once per chat that the model ignores a parameter, and again in the next chat', async () => {
    const { session, posted } = await harness({ model: 'mistralai/mistral-small-3.2-24b-instruct', reasoningEffort: 'medium', frequencyPenalty: 0.5 });
    const notices = (): string[] => posted.flatMap((m) => (m.type === 'notice' ? [m.text] : []));
    await session.send('One');
    await session.send('Two');
    assert.equal(notices().length, 1);
    assert.match(notices()[0] ?? '', /mistral-small-3\.2-24b-instruct does not support `frequency_penalty`, so it was not sent.*requireParameters/);
    assert.equal(bodies().at(-1)!['frequency_penalty'], undefined);
    session.newChat();
    await session.send('Three');
    assert.equal(notices().length, 2);
  });

  it('shows the exact cost: upstream_inference_cost for bring-your-own-key, cost otherwise, never their sum', async () => {
    const { session } = await harness({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium' });
    const byok = await session.send('[[mock:accounting byok=1 cost=0.0001 upstream=0.002]] mine');
    assert.equal(byok?.message.stats?.costUsd, 0.002);
    assert.equal(byok?.message.stats?.byok, true);
    const credits = await session.send('[[mock:accounting cost=0.0001]] theirs');
    assert.equal(credits?.message.stats?.costUsd, 0.0001);
    assert.equal(credits?.message.stats?.byok, undefined);
    assert.equal(chatCostUsd(session.viewState().chat.messages), 0.0021, 'the chat header total');
  });

  it('shows cached tokens and what they saved at the model\'s cache-read price', async () => {
    const { session } = await harness({ model: 'anthropic/claude-sonnet-4.5', reasoningEffort: 'medium' });
    const outcome = await session.send('[[mock:accounting cached=800 cacheWrite=100]] long chat');
    assert.equal(outcome?.message.stats?.cachedTokens, 800);
    // 800 × ($3 − $0.30) per million tokens
    assert.equal(outcome?.message.stats?.cacheDiscountUsd, 0.00216);
    assert.deepEqual(bodies().at(-1)!['cache_control'], { type: 'ephemeral' });
  });

  it('names the model and provider that actually served, a fallback included', async () => {
    const { session } = await harness({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', routing: { fallbackModels: ['mistralai/mistral-small-3.2-24b-instruct'] } });
    const outcome = await session.send('[[mock:accounting fallback=1]] primary down');
    assert.deepEqual(bodies().at(-1)!['models'], ['mistralai/mistral-small-3.2-24b-instruct']);
    assert.equal(outcome?.message.stats?.model, 'mistralai/mistral-small-3.2-24b-instruct');
    assert.equal(outcome?.message.stats?.provider, 'Groq');
  });
});
