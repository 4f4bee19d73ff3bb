import * as assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { networkError } from '../../../src/core/openrouter/networkErrors';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import { DEFAULT_ANSWER } from '../../server/answerContent';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY, waitFor } from '../../support/index';
import { chatRequest, clientFor, expectOpenRouterError } from '../../support/openRouterTestKit';

/** A port with nothing listening: bind, note the port, close. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('OpenRouter client errors', () => {
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(() => server.close());

  /** One try only: these tests look at the error, the retry tests at the retrying. */
  const fail = (marker: string, extra: Parameters<typeof clientFor>[1] = {}) =>
    expectOpenRouterError(() => clientFor(server, { retry: { maxTries: 1 }, ...extra }).client.complete(chatRequest(`[[mock:${marker}]]`)));

  const httpCases = [
    { script: 'http-400', kind: 'badRequest', status: 400, action: 'openSettings', text: /temperature must be a number/ },
    { script: 'http-400-reasoning-mandatory', kind: 'reasoningMandatory', status: 400, action: 'openSettings', text: /Reasoning is mandatory.*openrouterChat\.reasoningEffort/ },
    { script: 'http-401', kind: 'unauthorized', status: 401, action: 'setApiKey', text: /No auth credentials found/ },
    { script: 'http-402', kind: 'insufficientCredits', status: 402, action: 'addCredits', text: /Add credits at https:\/\/openrouter\.ai\/settings\/credits/ },
    { script: 'http-403-moderation', kind: 'moderation', status: 403, action: 'none', text: /reasons: harassment, violence; flagged input: "This is the part/ },
    { script: 'http-408', kind: 'timeout', status: 408, action: 'retry', text: /timed out/ },
    { script: 'http-413', kind: 'payloadTooLarge', status: 413, action: 'shortenContext', text: /too large/ },
    { script: 'http-429', kind: 'rateLimited', status: 429, action: 'retry', text: /Rate limit exceeded.*Try again in 1 s/ },
    { script: 'http-500', kind: 'serverError', status: 500, action: 'retry', text: /Internal Server Error/ },
    { script: 'http-502', kind: 'providerDown', status: 502, action: 'retry', text: /Provider returned error/ },
    { script: 'http-503', kind: 'noProvider', status: 503, action: 'retry', text: /No endpoints found/ },
    { script: 'http-non-json', kind: 'providerDown', status: 502, action: 'retry', text: /HTTP 502 Bad Gateway: <html> <head><title>502 Bad Gateway/ },
  ] as const;
  for (const expected of httpCases) {
    it(`maps ${expected.script} to ${expected.kind}`, async () => {
      const error = await fail(expected.script);
      assert.equal(error.kind, expected.kind);
      assert.equal(error.status, expected.status);
      assert.equal(error.action, expected.action);
      assert.match(error.userMessage, expected.text);
      assert.equal(error.message, error.userMessage);
      assert.equal(error.retryable, [408, 429, 500, 502, 503].includes(expected.status));
      assert.deepEqual(error.partial?.content, '', 'partial is present (empty before the stream)');
    });
  }

  it('points a reasoning-mandatory 400 at the effort setting', async () => {
    assert.equal((await fail('http-400-reasoning-mandatory')).setting, 'openrouterChat.reasoningEffort');
  });

  it('reads Retry-After seconds and keeps moderation metadata', async () => {
    assert.equal((await fail('http-429 retryAfter=3')).retryAfterMs, 3000);
    const moderation = await fail('http-403-moderation');
    assert.deepEqual(moderation.metadata?.['reasons'], ['harassment', 'violence']);
  });

  it('rejects a wrong key with 401 unauthorized, and no key at all without a request', async () => {
    const wrong = await expectOpenRouterError(() => clientFor(server, { getApiKey: () => 'sk-or-v1-wrong' }).client.complete(chatRequest()));
    assert.equal(wrong.kind, 'unauthorized');
    const before = server.requests.length;
    const missing = await expectOpenRouterError(() => clientFor(server, { getApiKey: () => '  ' }).client.complete(chatRequest()));
    assert.equal(missing.kind, 'unauthorized');
    assert.equal(missing.action, 'setApiKey');
    assert.equal(server.requests.length, before);
  });

  const midStreamCases = [
    { script: 'midstream-error-number', code: 502, text: /upstream overloaded/ },
    { script: 'midstream-error-string', code: 'server_error', text: /error while processing/ },
    { script: 'midstream-native-error', code: undefined, text: /"error"/ },
    { script: 'midstream-native-error native=network_error', code: undefined, text: /network_error/ },
    { script: 'midstream-choice-error', code: 503, text: /Choice failed/ },
  ] as const;
  for (const expected of midStreamCases) {
    it(`keeps the partial answer on ${expected.script}`, async () => {
      const error = await fail(expected.script);
      assert.equal(error.kind, 'midStream');
      assert.equal(error.code, expected.code);
      assert.match(error.userMessage, expected.text);
      assert.equal(error.partial?.content, `${DEFAULT_ANSWER[0]}${DEFAULT_ANSWER[1]}`);
      assert.ok(error.partial?.reasoning);
    });
  }

  it('reports a socket cut before [DONE] as streamCut with the partial answer', async () => {
    const error = await fail('cut-off after=3');
    assert.equal(error.kind, 'streamCut');
    assert.equal(error.partial?.content, DEFAULT_ANSWER.slice(0, 3).join(''));
  });

  it('stops a stalled stream, closes the socket and keeps the partial answer', async () => {
    const closedBefore = server.closedConnections();
    const started = Date.now();
    const error = await fail('stall', { stallTimeoutMs: 300 });
    assert.equal(error.kind, 'stalled');
    assert.ok(Date.now() - started >= 250, 'waited for the stall timeout');
    assert.equal(error.partial?.content, `${DEFAULT_ANSWER[0]}${DEFAULT_ANSWER[1]}`);
    await server.waitForClose(closedBefore, 2000);
  });

  it('stops a request whose server accepts the connection but never answers', async () => {
    const sockets: Socket[] = [];
    let closed = false;
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.resume(); // read (and drop) the request, or the close would go unnoticed
      socket.on('error', () => undefined);
      socket.on('close', () => (closed = true));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const client = new OpenRouterClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, getApiKey: () => TEST_API_KEY, stallTimeoutMs: 300, retry: { maxTries: 1 } });
      const error = await expectOpenRouterError(() => client.complete(chatRequest()));
      assert.equal(error.kind, 'stalled');
      await waitFor(() => closed, 1000, 'the socket to close');
    } finally {
      // undici may open a spare idle connection after an abort; do not wait for its keep-alive.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('does not call a stream with keep-alive comments stalled', async () => {
    const { client } = clientFor(server, { stallTimeoutMs: 400 });
    const turn = await client.complete(chatRequest('[[mock:keepalive intervalMs=100 durationMs=1200]]'));
    assert.equal(turn.content, DEFAULT_ANSWER.join(''));
  });

  it('does not count time the consumer spends between events as a stall', async () => {
    const { client } = clientFor(server, { stallTimeoutMs: 200 });
    let content = '';
    for await (const event of client.stream(chatRequest('hello'))) {
      if (event.type === 'content') content += event.text;
      if (event.type === 'reasoning') await new Promise((resolve) => setTimeout(resolve, 150));
    }
    assert.equal(content, DEFAULT_ANSWER.join(''));
  });

  it('turns a refused connection into a network error naming the host', async () => {
    const port = await closedPort();
    const client = new OpenRouterClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, getApiKey: () => TEST_API_KEY, retry: { maxTries: 1 } });
    const error = await expectOpenRouterError(() => client.complete(chatRequest()));
    assert.equal(error.kind, 'network');
    assert.equal(error.code, 'ECONNREFUSED');
    assert.match(error.userMessage, new RegExp(`Could not reach 127\\.0\\.0\\.1:${port}: connection refused`));
  });

  it('describes a DNS failure by host (no lookup made: the fetch error is built here)', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND openrouter.example'), { code: 'ENOTFOUND' });
    const error = networkError(new TypeError('fetch failed', { cause }), 'openrouter.example');
    assert.equal(error.kind, 'network');
    assert.match(error.userMessage, /Could not reach openrouter\.example: host not found \(DNS\)/);
  });

  it('rejects an unusable base URL without a request', async () => {
    const client = new OpenRouterClient({ baseUrl: 'ftp://127.0.0.1/x', getApiKey: () => TEST_API_KEY });
    const error = await expectOpenRouterError(() => client.complete(chatRequest()));
    assert.equal(error.action, 'openSettings');
  });

  it('explains an empty answer when reasoning ate the max-tokens budget', async () => {
    const error = await fail('reasoning-only-length');
    assert.equal(error.kind, 'emptyAnswer');
    assert.equal(error.setting, 'openrouterChat.maxTokens');
    assert.match(error.userMessage, /reasoning used the whole max-tokens budget.*openrouterChat\.maxTokens.*reasoning effort/);
    assert.ok((error.partial?.reasoning.length ?? 0) > 100);
    assert.equal(error.partial?.finishReason, 'length');
  });

  it('rejects an unknown script with a 400 that lists the known ones', async () => {
    const error = await fail('no-such-script');
    assert.equal(error.kind, 'badRequest');
    assert.match(error.userMessage, /Unknown mock script "no-such-script"/);
  });
});
