import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { redactSecrets } from '../../src/core/openrouter/redact';
import { TEST_API_KEY } from '../support/index';
import { transportOptions, writeItems } from './bodyWriter';
import { DEFAULT_GENERATION_LAG, GenerationLedger } from './generations';
import { MODELS_FIXTURE } from './modelsFixture';
import { contextLengthError, countPromptTokens } from './promptTokens';
import { imageInputError } from './contentParts';
import { nonStreamingAnswer } from './nonStreaming';
import { requestedLogprobs, withLogprobs } from './logprobs';
import { loadRequestSchema, requestSchemaProblems } from './requestSchema';
import { noteSchemaViolation } from './schemaViolations';
import { lastUserText, markerSpec, toScriptSpec, withoutMarker } from './scriptSelection';
import { IMPLIED_TRANSPORT, SCRIPTS } from './scripts';
import type { ScriptPlan, ScriptSpec } from './scriptTypes';

export type { ScriptSpec } from './scriptTypes';

export interface RecordedRequest {
  method: string;
  /** Path with query, e.g. `/api/v1/chat/completions`. */
  path: string;
  /** Lower-case names. Holds the real Authorization header; everything printed is redacted. */
  headers: Record<string, string>;
  /** Parsed JSON body (or the raw text, or undefined when empty). */
  body: unknown;
  /** The script that answered (chat completions), or the endpoint's name. */
  script: string;
  /** Chat completions only: why the body fails the `@openrouter/sdk` request schema (empty when valid). */
  schemaProblems?: string[];
}

export interface MockOpenRouter {
  /** http://127.0.0.1:PORT/api/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /**
   * The last chat completions request. Not `requests.at(-1)`: a finished answer's billed figures
   * are asked from /generation afterwards, and that request can land after the chat request.
   */
  lastChatRequest(): RecordedRequest | undefined;
  enqueue(script: string | ScriptSpec): void;
  /** Client sockets closed so far. */
  closedConnections(): number;
  /** Resolves when a socket closes after `afterCount` closes (default: now); ms from the call. */
  waitForClose(afterCount?: number, timeoutMs?: number): Promise<number>;
  onRequest(listener: (request: RecordedRequest) => void): void;
  close(): Promise<void>;
  validKey: string;
}

export interface OpenRouterServerOptions {
  port?: number;
  /** Default TEST_API_KEY; any other Bearer gets 401. */
  validKey?: string;
  /** Accept any non-empty Bearer key (the CLI's --any-key). */
  anyKey?: boolean;
  /** One redacted line per request. */
  log?: (line: string) => void;
  /** Fields of `GET /key`'s `data` to change, e.g. `{ limit: null }` for a key without a limit. */
  keyInfo?: Record<string, unknown>;
  /**
   * `GET /generation` lookups answered 404 after a generation ended (default 2), as OpenRouter's
   * record lags the stream; a script's `generationLag` parameter overrides it.
   */
  generationLag?: number;
}

/** `GET /key` of the test key: $2.50 of a $10 limit used, $0.50 of it today. */
export const KEY_INFO_FIXTURE = {
  label: 'Mock key', limit: 10, limit_remaining: 7.5, limit_reset: null, include_byok_in_limit: false, usage: 2.5, usage_daily: 0.5, usage_weekly: 1.5, usage_monthly: 2.5, is_free_tier: false, expires_at: null,
};

const PREFIX = '/api/v1';

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function errorBody(code: number, message: string): unknown {
  return { error: { code, message } };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Starts the local OpenRouter-compatible server on 127.0.0.1 (port 0 = any free port). */
export async function startOpenRouterServer(options: OpenRouterServerOptions = {}): Promise<MockOpenRouter> {
  const validKey = options.validKey ?? TEST_API_KEY;
  const queue: ScriptSpec[] = [];
  const requests: RecordedRequest[] = [];
  const listeners: ((request: RecordedRequest) => void)[] = [];
  const sockets = new Set<Socket>();
  const closeWaiters = new Set<() => void>();
  const generations = new GenerationLedger();
  let closed = 0;
  let generationCounter = 0;

  const authorized = (request: IncomingMessage): boolean => {
    const header = request.headers.authorization ?? '';
    if (options.anyKey) return /^Bearer \S+/.test(header);
    return header === `Bearer ${validKey}`;
  };

  const record = (request: IncomingMessage, body: unknown, script: string, schemaProblems?: string[]): RecordedRequest => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const recorded: RecordedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', headers, body, script, ...(schemaProblems ? { schemaProblems } : {}) };
    requests.push(recorded);
    const model = body && typeof body === 'object' ? (body as { model?: unknown }).model : undefined;
    options.log?.(redactSecrets(`${recorded.method} ${recorded.path}${model ? ` model=${String(model)}` : ''} script=${script} authorization=${headers['authorization'] ?? '(none)'}`, [validKey]));
    for (const listener of listeners) listener(recorded);
    return recorded;
  };

  const chatCompletions = async (request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>): Promise<void> => {
    // Every body is checked against the official SDK's request schema; an invalid one is refused
    // the way OpenRouter refuses bad parameters, so no test passes on a body OpenRouter would not take.
    const schemaProblems = await requestSchemaProblems(body);
    if (schemaProblems.length > 0) {
      noteSchemaViolation(schemaProblems);
      record(request, body, 'invalid-body', schemaProblems);
      options.log?.(`request body fails the @openrouter/sdk schema: ${schemaProblems.join('; ')}`);
      sendJson(response, 400, errorBody(400, `Invalid request body (checked against the @openrouter/sdk schema): ${schemaProblems.join('; ')}`));
      return;
    }
    const userText = lastUserText(body);
    const spec = queue.shift() ?? markerSpec(userText) ?? { script: 'default' };
    record(request, body, spec.script, schemaProblems);
    const script = SCRIPTS[spec.script];
    if (!script) {
      sendJson(response, 400, errorBody(400, `Unknown mock script "${spec.script}". Known: ${Object.keys(SCRIPTS).join(', ')}`));
      return;
    }
    const generationId = `gen-mock-${++generationCounter}`;
    const params = { ...IMPLIED_TRANSPORT[spec.script], ...spec };
    const model = typeof body['model'] === 'string' ? body['model'] : 'openai/gpt-oss-120b';
    // Like OpenRouter, a prompt over the model's context window is refused whatever was scripted.
    const scripted: ScriptPlan = contextLengthError(body) ?? imageInputError(body) ?? script({ params, lastUserText: withoutMarker(userText), body, generationId, model });
    // Like an OpenAI-style provider, content chunks carry token logprobs when the request asks.
    const topLogprobs = requestedLogprobs(body);
    const plan: ScriptPlan = scripted.kind === 'stream' && topLogprobs !== undefined ? { ...scripted, items: withLogprobs(scripted.items, topLogprobs) } : scripted;
    if (plan.kind === 'http') {
      response.writeHead(plan.status, { 'Content-Type': plan.contentType ?? 'application/json', ...plan.headers });
      response.end(plan.body);
      return;
    }
    const lag = Number(params['generationLag'] ?? options.generationLag ?? DEFAULT_GENERATION_LAG);
    const sessionId = typeof body['session_id'] === 'string' ? body['session_id'] : undefined;
    const generation = generations.begin({ id: generationId, model, promptTokens: countPromptTokens(body), lag: Number.isFinite(lag) ? lag : DEFAULT_GENERATION_LAG, ...(sessionId ? { sessionId } : {}) });
    if (body['stream'] !== true) {
      if (plan.ending === 'destroy') return void response.socket?.destroy();
      if (plan.ending === 'hang') return;
      const items = [...plan.items];
      for (const item of items) generation.written(item);
      generation.end(false);
      const answer = await nonStreamingAnswer(items, Math.floor(Date.now() / 1000));
      sendJson(response, answer.status, answer.body, { 'X-Generation-Id': generationId });
      return;
    }
    // Billed when the stream is over: finished, cut by the script, or closed by the client (Stop).
    response.on('close', () => generation.end(!response.writableFinished && plan.ending !== 'destroy'));
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Generation-Id': generationId });
    response.flushHeaders();
    const stillOpen = await writeItems(response, plan.items, transportOptions(params, plan.splitAt), (item) => generation.written(item));
    if (!stillOpen) return;
    if (plan.ending === 'end') response.end();
    // Destroy only after the last write reached the socket, so the client sees the partial data.
    else if (plan.ending === 'destroy') response.write('', () => response.socket?.destroy());
    // 'hang': keep the socket open until the client (or close()) ends it.
  };

  const control = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    const body = await readBody(request);
    if (path === '/__control/enqueue' && request.method === 'POST') {
      const spec = toScriptSpec(body);
      if (!spec) return sendJson(response, 400, errorBody(400, 'Send JSON {"script": "name", ...params}'));
      queue.push(spec);
      return sendJson(response, 200, { queued: queue.length });
    }
    if (path === '/__control/reset' && request.method === 'POST') {
      queue.length = 0;
      requests.length = 0;
      return sendJson(response, 200, { ok: true });
    }
    if (path === '/__control/requests') {
      return sendJson(response, 200, JSON.parse(redactSecrets(JSON.stringify(requests), [validKey])));
    }
    sendJson(response, 404, errorBody(404, `No control endpoint ${path}`));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/__control/')) return control(request, response, url.pathname);
    if (!url.pathname.startsWith(PREFIX)) {
      record(request, undefined, 'not-found');
      return sendJson(response, 404, errorBody(404, 'Not found'));
    }
    const route = `${request.method} ${url.pathname.slice(PREFIX.length)}`;
    if (route === 'GET /models') {
      record(request, undefined, 'models');
      return sendJson(response, 200, MODELS_FIXTURE);
    }
    const body = await readBody(request);
    if (!authorized(request)) {
      record(request, body, 'unauthorized');
      return sendJson(response, 401, errorBody(401, 'No auth credentials found'));
    }
    if (route === 'POST /chat/completions') {
      return chatCompletions(request, response, body && typeof body === 'object' ? (body as Record<string, unknown>) : {});
    }
    if (route === 'GET /key') {
      record(request, body, 'key');
      return sendJson(response, 200, { data: { ...KEY_INFO_FIXTURE, ...options.keyInfo } });
    }
    if (route === 'GET /generation') {
      // 404 while the generation streams and for a few lookups after it (see generations.ts).
      const found = generations.lookup(url.searchParams.get('id') ?? '');
      record(request, body, found.found ? 'generation' : 'generation-not-found');
      return found.found ? sendJson(response, 200, { data: found.data }) : sendJson(response, 404, errorBody(404, 'Generation not found'));
    }
    record(request, body, 'not-found');
    sendJson(response, 404, errorBody(404, `No route ${route}`));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log?.(redactSecrets(`mock server error: ${String(error)}`, [validKey]));
      if (!response.headersSent) sendJson(response, 500, errorBody(500, 'mock server error'));
      else response.destroy();
    });
  });
  server.on('connection', (socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      closed++;
      for (const waiter of closeWaiters) waiter();
    });
  });

  await loadRequestSchema();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}${PREFIX}`,
    requests,
    lastChatRequest: () => [...requests].reverse().find((request) => request.path.endsWith('/chat/completions')),
    validKey,
    enqueue: (script) => {
      const spec = toScriptSpec(typeof script === 'string' ? script : { ...script });
      if (spec) queue.push(spec);
    },
    closedConnections: () => closed,
    waitForClose: (afterCount = closed, timeoutMs = 5000) => {
      const started = Date.now();
      return new Promise<number>((resolve, reject) => {
        const check = (): void => {
          if (closed <= afterCount) return;
          clearTimeout(timer);
          closeWaiters.delete(check);
          resolve(Date.now() - started);
        };
        const timer = setTimeout(() => {
          closeWaiters.delete(check);
          reject(new Error(`No connection closed within ${timeoutMs} ms`));
        }, timeoutMs);
        closeWaiters.add(check);
        check();
      });
    },
    onRequest: (listener) => void listeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        queue.length = 0;
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
