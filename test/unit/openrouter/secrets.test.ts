import * as assert from 'node:assert/strict';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import { errorFromHttpResponse } from '../../../src/core/openrouter/httpErrors';
import { redactSecrets } from '../../../src/core/openrouter/redact';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support/index';
import { chatRequest, clientFor, expectOpenRouterError } from '../../support/openRouterTestKit';

/** The key, and its 64-hex tail alone, must appear nowhere. */
function assertNoKey(text: string, where: string): void {
  assert.ok(!text.includes(TEST_API_KEY), `${where} contains the key: ${text.slice(0, 300)}`);
  assert.ok(!text.includes(TEST_API_KEY.slice(-40)), `${where} contains part of the key`);
}

describe('the API key never leaks', () => {
  let server: MockOpenRouter;
  const serverLines: string[] = [];
  before(async () => {
    server = await startOpenRouterServer({ log: (line) => serverLines.push(line) });
  });
  after(() => server.close());

  it('not in client logs, errors (message, String, stack, JSON, partial) or server output', async function () {
    this.timeout(20_000);
    const { client, lines } = clientFor(server, { stallTimeoutMs: 300 });
    const errors: unknown[] = [];
    await client.complete(chatRequest('hello'));
    await client.listModels();
    await client.getKeyInfo();
    server.enqueue('http-429 retryAfter=0');
    await client.complete(chatRequest('retry me'));
    const scripts = [
      'http-400', 'http-400-reasoning-mandatory', 'http-401', 'http-402', 'http-403-moderation', 'http-408', 'http-413',
      'http-500', 'http-502', 'http-503 retryAfter=0', 'http-non-json', 'midstream-error-number', 'midstream-error-string',
      'midstream-native-error', 'midstream-choice-error', 'cut-off', 'stall', 'reasoning-only-length', 'no-such-script',
    ];
    for (const script of scripts) errors.push(await expectOpenRouterError(() => client.complete(chatRequest(`[[mock:${script}]]`))));
    errors.push(await expectOpenRouterError(() => clientFor(server, { getApiKey: () => 'sk-or-v1-wrong-key-1234567890' }).client.getKeyInfo()));
    const controller = new AbortController();
    errors.push(await expectOpenRouterError(() => client.complete(chatRequest('[[mock:slow-drip]]'), {
      signal: controller.signal,
      onEvent: (event) => event.type === 'content' && controller.abort(),
    })));
    const port = Number(new URL(server.baseUrl).port);
    const offline = new OpenRouterClient({ baseUrl: `http://127.0.0.1:${port + 1}/api/v1`, getApiKey: () => TEST_API_KEY, retry: { maxTries: 1 }, log: (line) => lines.push(line) });
    errors.push(await expectOpenRouterError(() => offline.complete(chatRequest())));

    assert.ok(errors.length > 20);
    for (const error of errors) {
      assert.ok(error instanceof Error);
      assertNoKey(String(error), 'String(error)');
      assertNoKey(error.stack ?? '', 'error.stack');
      assertNoKey(JSON.stringify(error), 'JSON.stringify(error)');
      assertNoKey(JSON.stringify(Object.getOwnPropertyDescriptors(error)), 'error properties');
    }
    assert.ok(lines.length > 20);
    assertNoKey(lines.join('\n'), 'client log');
    assert.ok(serverLines.length > 20);
    assertNoKey(serverLines.join('\n'), 'server output');
    assert.ok(serverLines.some((line) => line.includes('authorization=Bearer sk-or-…[redacted]')));
    assertNoKey(JSON.stringify(await (await fetch(`${server.baseUrl.replace('/api/v1', '')}/__control/requests`)).json()), 'control requests');
  });

  it('redacts a key that a server echoes in an error body', () => {
    const body = JSON.stringify({ error: { code: 401, message: `Key ${TEST_API_KEY} is invalid (Authorization: Bearer ${TEST_API_KEY})` } });
    const error = errorFromHttpResponse(401, 'Unauthorized', null, body, [TEST_API_KEY]);
    assertNoKey(error.userMessage, 'userMessage');
    const html = errorFromHttpResponse(502, 'Bad Gateway', null, `<pre>Bearer ${TEST_API_KEY}</pre>`);
    assertNoKey(html.userMessage, 'non-JSON excerpt');
  });

  it('redactSecrets masks OpenRouter keys, bearer tokens and given secrets', () => {
    assert.equal(redactSecrets(`key=${TEST_API_KEY}`), 'key=sk-or-…[redacted]');
    assert.equal(redactSecrets(`Authorization: Bearer ${TEST_API_KEY}`), 'Authorization: Bearer sk-or-…[redacted]');
    assert.equal(redactSecrets('Authorization: Bearer abc.def-ghi'), 'Authorization: Bearer [redacted]');
    assert.equal(redactSecrets('custom secret-value-123 here', ['secret-value-123']), 'custom sk-or-…[redacted] here');
    assert.equal(redactSecrets('nothing secret here'), 'nothing secret here');
  });
});
