import * as assert from 'node:assert/strict';
import type { StreamEvent } from '../../../src/core/openrouter/types';
import { DEFAULT_ANSWER, DEFAULT_REASONING, MULTIBYTE_ANSWER } from '../../server/answerContent';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { DOC_NORMAL_TURN } from '../../server/transcripts';
import { chatRequest, clientFor, collect } from '../../support/openRouterTestKit';

/** Meta carries the server's per-request generation id; everything else must match exactly. */
function normalised(events: StreamEvent[]): StreamEvent[] {
  return events.map((event) => (event.type === 'meta' ? { ...event, generationId: 'gen' } : event));
}

describe('OpenRouter client streaming over real HTTP (127.0.0.1)', () => {
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(() => server.close());

  async function eventsOf(marker: string): Promise<StreamEvent[]> {
    const { client } = clientFor(server);
    const { events, error } = await collect(client.stream(chatRequest(`[[mock:${marker}]] hello`)));
    assert.equal(error, undefined, `${marker}: ${error?.message}`);
    return normalised(events);
  }

  it('streams the default answer: reasoning once, then content, finish and usage', async () => {
    const { client } = clientFor(server);
    const seen: string[] = [];
    const turn = await client.complete(chatRequest('hello'), { onEvent: (e) => seen.push(e.type) });
    assert.equal(turn.content, DEFAULT_ANSWER.join(''));
    assert.equal(turn.reasoning, DEFAULT_REASONING.join(''));
    assert.equal(turn.finishReason, 'stop');
    assert.equal(turn.nativeFinishReason, 'stop');
    assert.equal(turn.generationId, server.requests.at(-1) && `gen-mock-${server.requests.length}`);
    assert.equal(turn.model, 'openai/gpt-oss-120b');
    assert.equal(turn.provider, 'Cerebras');
    assert.ok(turn.usage && turn.usage.costUsd !== undefined && turn.usage.costUsd > 0);
    assert.ok(turn.usage.reasoningTokens !== undefined && turn.usage.reasoningTokens > 0);
    assert.equal(seen[0], 'start');
    assert.ok(seen.indexOf('reasoning') < seen.indexOf('content'));
    const { startedAt, firstTokenAt, firstContentAt, endedAt } = turn.timings;
    assert.ok(firstTokenAt !== undefined && firstContentAt !== undefined && endedAt !== undefined);
    assert.ok(startedAt <= firstTokenAt && firstTokenAt <= firstContentAt && firstContentAt <= endedAt);
  });

  for (const name of ['default', 'long-markdown tokens=2000', 'tool-call', 'doc-transcript', 'utf8-split', 'comments', 'echo']) {
    it(`gives identical events for "${name}" however the server splits the writes`, async function () {
      this.timeout(30_000);
      const reference = await eventsOf(name);
      assert.ok(reference.length > 3);
      // Byte-by-byte writes of a long answer take seconds; random pieces cover it well enough.
      const variants = name.startsWith('long')
        ? ['split=random seed=1 maxPiece=300', 'split=random seed=2 maxPiece=150 lineEnding=crlf']
        : ['split=1', 'split=random seed=1', 'split=random seed=2 maxPiece=7', 'lineEnding=crlf splitCr=1', 'lineEnding=cr split=3'];
      for (const variant of variants) {
        assert.deepEqual(await eventsOf(`${name} ${variant}`), reference, variant);
      }
    });
  }

  it('gives identical events for the doc transcript split by the server at every byte position', async function () {
    this.timeout(120_000);
    const reference = await eventsOf('doc-transcript');
    const length = Buffer.byteLength(DOC_NORMAL_TURN);
    for (let position = 1; position < length; position++) {
      assert.deepEqual(await eventsOf(`doc-transcript splitAt=${position}`), reference, `split at ${position}`);
    }
  });

  it('survives byte-by-byte, CRLF, comments and UTF-8 split inside characters', async () => {
    const { client } = clientFor(server);
    for (const name of ['byte-by-byte', 'crlf', 'comments', 'utf8-split']) {
      const turn = await client.complete(chatRequest(`[[mock:${name}]]`));
      const expected = name === 'utf8-split' ? MULTIBYTE_ANSWER.join('') : DEFAULT_ANSWER.join('');
      assert.equal(turn.content, expected, name);
      assert.ok(!turn.content.includes('\uFFFD'), `${name}: no broken characters`);
    }
  });

  it('streams a long answer and assembles a tool call', async () => {
    const { client } = clientFor(server);
    const long = await client.complete(chatRequest('[[mock:long-markdown tokens=5000]]'));
    assert.ok(long.content.length > 15_000);
    assert.match(long.content, /```python/);
    const tool = await client.complete(chatRequest('[[mock:tool-call]]'));
    assert.deepEqual(tool.toolCalls, [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"src/a.ts"}' } }]);
    assert.equal(tool.finishReason, 'tool_calls');
  });

  it('streams 20,000 small chunks without losing one', async function () {
    this.timeout(30_000);
    const { client } = clientFor(server);
    let contentEvents = 0;
    for await (const event of client.stream(chatRequest('[[mock:bulk chunks=20000]]'))) if (event.type === 'content') contentEvents++;
    assert.equal(contentEvents, 20_000);
  });

  it('sends the request the way OpenRouter expects it', async () => {
    const { client } = clientFor(server, { appUrl: 'https://example.com/app', appTitle: 'Custom Title' });
    await client.complete({ model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'hi' }], max_tokens: 99 });
    const request = server.requests.at(-1);
    assert.ok(request);
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/api/v1/chat/completions');
    assert.equal(request.headers['authorization'], `Bearer ${server.validKey}`);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['http-referer'], 'https://example.com/app');
    assert.equal(request.headers['x-openrouter-title'], 'Custom Title');
    assert.equal(request.headers['x-title'], 'Custom Title');
    assert.deepEqual(request.body, { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'hi' }], max_tokens: 99, stream: true });
  });

  it('defaults the attribution headers and tolerates a trailing slash in the base URL', async () => {
    const { client } = clientFor(server, { baseUrl: `${server.baseUrl}/` });
    await client.complete(chatRequest('hi'));
    const request = server.requests.at(-1);
    assert.equal(request?.path, '/api/v1/chat/completions');
    assert.equal(request?.headers['http-referer'], 'https://github.com/openrouter-chat/openrouter-chat');
    assert.equal(request?.headers['x-openrouter-title'], 'OpenRouter Chat');
  });
});
