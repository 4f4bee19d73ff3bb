import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChat, createMessage, toMessageView } from '../../../src/core/chat/chat';
import { ChatSession } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { appendLogprobs, MAX_ALTERNATIVES, MAX_LOGPROB_TOKENS, readWireLogprobs } from '../../../src/core/openrouter/logprobs';
import { buildChatRequest } from '../../../src/core/openrouter/requestBuilder';
import type { HostMessage, TokenLogprob } from '../../../src/shared/protocol';
import { DEFAULT_ANSWER } from '../../server/answerContent';
import { mockTokenLogprobs, mockTokens } from '../../server/logprobs';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { chatRequest, clientFor } from '../../support/openRouterTestKit';
import { hostFor } from '../chat/sessionHarness';

const ANSWER = DEFAULT_ANSWER.join('');

describe('token logprobs', () => {
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(() => server.close());

  describe('read from the stream over real HTTP', () => {
    it('keeps every token of the answer with its logprob and the top alternatives, in order', async () => {
      const { client } = clientFor(server);
      const seen: string[] = [];
      const turn = await client.complete({ ...chatRequest('hello'), logprobs: true, top_logprobs: 3 }, { onEvent: (event) => seen.push(event.type) });
      assert.equal((server.requests.at(-1)?.body as Record<string, unknown> | undefined)?.['logprobs'], true, 'the request asked for them');
      assert.ok(seen.includes('logprobs'));
      const tokens = turn.logprobs ?? [];
      assert.equal(tokens.map(([token]) => token).join(''), ANSWER, 'the tokens spell the answer');
      // One list per content chunk, as the provider tokenized it.
      assert.deepEqual(tokens.map(([token]) => token), DEFAULT_ANSWER.flatMap((piece) => mockTokens(piece)));
      const bold = tokens.find(([token]) => token === 'TypeScript');
      const wire = mockTokenLogprobs('TypeScript', 3);
      assert.deepEqual(bold, ['TypeScript', wire.logprob, wire.top_logprobs.map((top) => [top.token, top.logprob])]);
      for (const [, logprob, alternatives] of tokens) {
        assert.ok(logprob <= 0);
        assert.equal(alternatives?.length, 3);
      }
    });

    it('has none when the request did not ask (and the server sends logprobs: null)', async () => {
      const { client } = clientFor(server);
      const turn = await client.complete(chatRequest('hello'));
      assert.equal(turn.logprobs, undefined);
    });

    it('gives alternatives only when top_logprobs asked for them', async () => {
      const { client } = clientFor(server);
      const turn = await client.complete({ ...chatRequest('hello'), logprobs: true });
      assert.ok((turn.logprobs?.length ?? 0) > 10);
      assert.ok(turn.logprobs?.every((token) => token.length === 2), 'no empty alternative lists are kept');
    });

    it('keeps the tokens that came before a stream error with the partial answer', async () => {
      const { client } = clientFor(server);
      const error = await client.complete({ ...chatRequest('[[mock:midstream-error-number]] hi'), logprobs: true, top_logprobs: 2 }).then(
        () => undefined,
        (caught: unknown) => caught as { partial?: { content: string; logprobs?: TokenLogprob[] } },
      );
      const partial = error?.partial;
      assert.ok(partial && partial.content.length > 0);
      assert.equal(partial.logprobs?.map(([token]) => token).join(''), partial.content);
    });
  });

  describe('wire shapes', () => {
    it('skips malformed entries and caps the alternatives', () => {
      const tops = Array.from({ length: 20 }, (_, i) => ({ token: `t${i}`, logprob: -i, bytes: [] }));
      const read = readWireLogprobs({
        content: [
          { token: 'a', logprob: -0.12345, bytes: [97], top_logprobs: tops },
          { token: 'b', logprob: 'high' },
          null,
          { token: 'c', logprob: -9999, top_logprobs: [] },
          { token: 'd', logprob: Number.NaN },
        ],
        refusal: null,
      });
      assert.equal(read.length, 2);
      assert.equal(read[0]?.[1], -0.123);
      assert.equal(read[0]?.[2]?.length, MAX_ALTERNATIVES);
      assert.deepEqual(read[1], ['c', -9999]);
      assert.deepEqual(readWireLogprobs(null), []);
      assert.deepEqual(readWireLogprobs({ content: null }), []);
    });

    it('stops keeping tokens at the cap, so a long answer does not bloat the chat file', () => {
      const tokens: TokenLogprob[] = [];
      for (let i = 0; i < 50; i++) appendLogprobs(tokens, Array.from({ length: 100 }, () => ['x', -0.1] as const));
      assert.equal(tokens.length, MAX_LOGPROB_TOKENS);
    });
  });

  describe('stored with the answer', () => {
    it('a chat answered with logprobs saves them and a reopened chat shows them again', async () => {
      const dir = await fs.mkdtemp(join(tmpdir(), 'orc-logprobs-'));
      const { host, posted } = hostFor(server);
      const { client } = clientFor(server);
      host.prepare = async (turns) => ({
        kind: 'ready',
        client,
        request: buildChatRequest(turns, { model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', logprobs: true, topLogprobs: 2 }),
      });
      const session = new ChatSession(new ChatStore(dir), host);
      await session.init();
      await session.send('hello');
      const end = posted.find((m): m is Extract<HostMessage, { type: 'streamEnd' }> => m.type === 'streamEnd');
      const shown = end?.message.logprobs ?? [];
      assert.equal(shown.map(([token]) => token).join(''), ANSWER, 'the webview gets them with the final message');
      await session.dispose();

      const { chats } = await new ChatStore(dir).loadAll();
      const answer = chats[0]?.messages.find((m) => m.role === 'assistant');
      assert.ok(answer);
      assert.deepEqual(toMessageView(answer).logprobs, shown, 'the reopened chat shows the same');
      const folder = new ChatStore(dir).directory;
      const file = (await fs.readdir(folder)).find((name) => name.endsWith('.json'));
      const text = await fs.readFile(join(folder, file ?? ''), 'utf8');
      assert.ok(text.includes('["TypeScript",'), 'stored compactly as arrays');
    });

    it('drops malformed logprobs read from a chat file and keeps the answer', async () => {
      const dir = await fs.mkdtemp(join(tmpdir(), 'orc-logprobs-'));
      const store = new ChatStore(dir);
      const chat = createChat(1);
      const good: TokenLogprob[] = [['Hi', -0.01, [['Hi', -0.01], ['Hello', -5]]]];
      chat.messages.push(createMessage('user', 'q'), createMessage('assistant', 'Hi', { status: 'done', logprobs: good }));
      const other = createChat(2);
      other.messages.push(createMessage('assistant', 'Yo', { status: 'done', logprobs: [['Yo', 'likely']] as unknown as TokenLogprob[] }));
      await store.save(chat);
      await store.save(other);
      const { chats, corrupt } = await new ChatStore(dir).loadAll();
      assert.equal(corrupt.length, 0);
      assert.deepEqual(chats.find((c) => c.id === chat.id)?.messages[1]?.logprobs, good);
      const kept = chats.find((c) => c.id === other.id)?.messages[0];
      assert.equal(kept?.content, 'Yo');
      assert.equal(kept?.logprobs, undefined);
    });
  });
});
