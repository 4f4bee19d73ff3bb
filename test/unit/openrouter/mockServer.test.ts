import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support/index';
import { chatRequest, clientFor } from '../../support/openRouterTestKit';

async function post(url: string, body: unknown, key = TEST_API_KEY): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('local OpenRouter-compatible server', () => {
  let server: MockOpenRouter;
  beforeEach(async () => {
    server = await startOpenRouterServer();
  });
  afterEach(() => server.close());

  it('listens on 127.0.0.1 under /api/v1', () => {
    assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    assert.equal(server.validKey, TEST_API_KEY);
  });

  it('picks scripts by queue first, then marker, then default', async () => {
    const { client } = clientFor(server);
    server.enqueue({ script: 'echo' });
    const queued = await client.complete(chatRequest('[[mock:slow-drip count=2 delayMs=1]] queued wins'));
    assert.equal(queued.content, 'You said: queued wins');
    const marked = await client.complete(chatRequest('please [[mock:slow-drip count=3 delayMs=1]]'));
    assert.equal(marked.content, 'word1 word2 word3 ');
    const plain = await client.complete(chatRequest('plain'));
    assert.match(plain.content, /```ts/);
    assert.deepEqual(server.requests.map((r) => r.script), ['echo', 'slow-drip', 'default']);
  });

  it('takes scripts over HTTP at /__control/enqueue', async () => {
    const controlUrl = server.baseUrl.replace('/api/v1', '/__control/enqueue');
    assert.equal((await post(controlUrl, { script: 'slow-drip', count: 2, delayMs: 1 })).status, 200);
    assert.equal((await post(controlUrl, { script: 'echo' })).status, 200);
    const { client } = clientFor(server);
    assert.equal((await client.complete(chatRequest('a'))).content, 'word1 word2 ');
    assert.equal((await client.complete(chatRequest('b'))).content, 'You said: b');
  });

  it('answers non-streaming requests from the same scripts', async () => {
    const { status, json } = await post(`${server.baseUrl}/chat/completions`, { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: '[[mock:tool-call]]' }] });
    assert.equal(status, 200);
    const choice = (json['choices'] as { message: { tool_calls: unknown[]; content: unknown }; finish_reason: string }[])[0];
    assert.equal(choice?.finish_reason, 'tool_calls');
    assert.deepEqual(choice?.message.tool_calls, [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"src/a.ts"}' } }]);
    const plain = await post(`${server.baseUrl}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    assert.match(String((plain.json['choices'] as { message: { content: string } }[])[0]?.message.content), /TypeScript/);
  });

  it('rejects other keys with 401 and serves /key and /generation', async () => {
    const wrong = await post(`${server.baseUrl}/chat/completions`, chatRequest(), 'sk-or-v1-other');
    assert.equal(wrong.status, 401);
    assert.equal(server.requests.at(-1)?.script, 'unauthorized');
    const turn = await clientFor(server).client.complete(chatRequest());
    // Like OpenRouter's, the record lags the stream: "not found" for the first lookups (two by
    // default, counted from the stream's end), then the generation's figures, equal to its usage.
    const statuses: number[] = [];
    let data: Record<string, unknown> | undefined;
    while (!data && statuses.length < 6) {
      const generation = await fetch(`${server.baseUrl}/generation?id=${turn.generationId}`, { headers: { Authorization: `Bearer ${TEST_API_KEY}` } });
      statuses.push(generation.status);
      if (generation.ok) data = ((await generation.json()) as { data: Record<string, unknown> }).data;
      else assert.deepEqual(await generation.json(), { error: { code: 404, message: 'Generation not found' } });
    }
    assert.ok(statuses.filter((status) => status === 404).length >= 2, `statuses ${statuses.join(', ')}`);
    assert.equal(data?.['id'], turn.generationId);
    assert.equal(data?.['native_tokens_prompt'], turn.usage?.promptTokens);
    assert.equal(data?.['native_tokens_completion'], turn.usage?.completionTokens);
    assert.equal(data?.['total_cost'], turn.usage?.costUsd);
    assert.equal(data?.['cancelled'], false);
    assert.equal(data?.['finish_reason'], 'stop');
    const missing = await fetch(`${server.baseUrl}/generation?id=gen-nope`, { headers: { Authorization: `Bearer ${TEST_API_KEY}` } });
    assert.equal(missing.status, 404);
  });

  it('reports request listeners and socket closes', async () => {
    const seen: string[] = [];
    server.onRequest((request) => seen.push(request.script));
    const closedBefore = server.closedConnections();
    const closing = server.waitForClose(closedBefore, 5000);
    await clientFor(server).client.complete(chatRequest('[[mock:cut-off]]')).catch(() => undefined);
    assert.ok((await closing) >= 0);
    assert.ok(server.closedConnections() > closedBefore);
    assert.deepEqual(seen, ['cut-off']);
    await assert.rejects(server.waitForClose(server.closedConnections(), 50), /No connection closed/);
  });

  it('runs as a command that prints its URL and stops cleanly on SIGTERM', async function () {
    this.timeout(15_000);
    const cli = spawn(process.execPath, [join(__dirname, '../../server/cli.js'), '--port', '0', '--any-key'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    cli.stdout.on('data', (data: Buffer) => (output += data.toString()));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 10_000;
    while (!/listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.test(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const url = /OpenRouter mock listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(output)?.[1];
    assert.ok(url, output);
    const answer = await post(`${url}/chat/completions`, { ...chatRequest('[[mock:echo]] yo'), stream: false }, 'sk-or-v1-any-key-1234567890');
    assert.equal(answer.status, 200);
    await new Promise((r) => setTimeout(r, 50));
    assert.match(output, /POST \/api\/v1\/chat\/completions model=openai\/gpt-oss-120b script=echo authorization=Bearer sk-or-…\[redacted\]/);
    assert.ok(!output.includes('sk-or-v1-any-key-1234567890'));
    cli.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
