import { ChatStreamRun } from './chatStream';
import { abortedError, httpError, OpenRouterError } from './errors';
import type { GenerationReport } from './generation';
import * as l10n from '../l10n';
import { mapKeyInfo, mapModelList } from './models';
import { insecureBaseUrlError, invalidBaseUrlError, networkError } from './networkErrors';
import { keyTransportProblem } from '../trust/keyTransport';
import { redactSecrets } from './redact';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
import { TurnAssembler } from './turnAssembler';
import type { AssistantTurn, ChatRequest, KeyInfo, ModelInfo, StreamEvent } from './types';

export const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';
/** Sent as HTTP-Referer so OpenRouter can attribute traffic to this extension. */
export const DEFAULT_APP_URL = 'https://github.com/openrouter-chat/openrouter-chat';
export const DEFAULT_APP_TITLE = 'OpenRouter Chat';
export const DEFAULT_STALL_TIMEOUT_MS = 60_000;

export interface OpenRouterClientOptions {
  baseUrl: string;
  getApiKey: () => string | undefined | Promise<string | undefined>;
  /** No bytes for this long ends the request with kind 'stalled'. Default 60000. */
  stallTimeoutMs?: number;
  retry?: { maxTries?: number; baseDelayMs?: number; maxDelayMs?: number };
  appUrl?: string;
  appTitle?: string;
  /** One line per request; never receives the key. */
  log?: (line: string) => void;
  /**
   * The one clock an answer's figures are read from (sent, first token, end): epoch
   * milliseconds, default `Date.now`. Tests pass a scripted clock to check the figures.
   */
  clock?: () => number;
}

export class OpenRouterClient {
  private readonly baseUrl: string;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: OpenRouterClientOptions) {
    this.baseUrl = (options.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.policy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options.retry ?? {}) };
  }

  /** Streams one chat completion. Throws OpenRouterError (kind 'aborted' on abort) with `partial`. */
  async *stream(request: ChatRequest, options: { signal?: AbortSignal } = {}): AsyncGenerator<StreamEvent> {
    const run = await this.startRun(request);
    for await (const batch of run.batches(options.signal)) yield* batch;
  }

  /** Streams and assembles the whole answer; on failure the thrown error's `partial` holds what arrived. */
  async complete(
    request: ChatRequest,
    options: { signal?: AbortSignal; onEvent?: (event: StreamEvent) => void } = {},
  ): Promise<AssistantTurn> {
    const run = await this.startRun(request);
    const onEvent = options.onEvent;
    for await (const batch of run.batches(options.signal)) {
      if (onEvent) for (const event of batch) onEvent(event);
    }
    return run.assembler.turn;
  }

  /**
   * GET /models (no key needed), fetched on every call. The editor layer's OpenRouterService owns
   * the one cache: it knows the base URL it was fetched for and gives the fetch its time limit.
   */
  async listModels(options: { signal?: AbortSignal } = {}): Promise<ModelInfo[]> {
    return mapModelList(await this.getJson('/models', undefined, options.signal));
  }

  /**
   * What a generation was billed for (`GET /generation?id=`), asked again with the retry policy's
   * backoff while OpenRouter has not recorded it yet. Undefined when it cannot be had or `signal`
   * fired; never throws.
   */
  async billedGeneration(generationId: string, options: { signal?: AbortSignal } = {}): Promise<GenerationReport | undefined> {
    // Loaded with the first answer's figures, not at activation.
    const { fetchGenerationReport, GENERATION_TRIES, mapGeneration } = await import('./generation');
    const path = `/generation?id=${encodeURIComponent(generationId)}`;
    const schedule = { tries: GENERATION_TRIES, baseDelayMs: this.policy.baseDelayMs, maxDelayMs: this.policy.maxDelayMs };
    return fetchGenerationReport(async (signal) => mapGeneration(await this.getJson(path, await this.requireApiKey(), signal)), schedule, {
      ...(options.signal ? { signal: options.signal } : {}),
      log: (line) => this.log(line, undefined),
    });
  }

  /** GET /key with the given key (or the configured one): label, limit and remaining credit. */
  async getKeyInfo(apiKey?: string, options: { signal?: AbortSignal } = {}): Promise<KeyInfo> {
    const key = apiKey ?? (await this.requireApiKey());
    return mapKeyInfo(await this.getJson('/key', key, options.signal));
  }

  private async startRun(request: ChatRequest): Promise<ChatStreamRun> {
    let apiKey: string;
    let url: URL;
    try {
      apiKey = await this.requireApiKey();
      url = this.endpoint('/chat/completions');
    } catch (error) {
      // Same contract as failures later on: every OpenRouterError carries a (here empty) partial.
      if (error instanceof OpenRouterError) error.partial ??= emptyTurn(this.options.clock);
      throw error;
    }
    return new ChatStreamRun({
      url: url.href,
      host: url.host,
      headers: { ...this.headers(apiKey), 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ ...request, stream: true }),
      model: request.model,
      apiKey,
      policy: this.policy,
      stallTimeoutMs: this.options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
      log: this.options.log,
      clock: this.options.clock ?? Date.now,
    });
  }

  private async getJson(path: string, apiKey: string | undefined, signal: AbortSignal | undefined): Promise<unknown> {
    const url = this.endpoint(path);
    const started = Date.now();
    const headers = this.headers(apiKey);
    let response: Response;
    try {
      response = await fetch(url.href, { headers, signal });
    } catch (error) {
      if (signal?.aborted) throw abortedError();
      throw networkError(error, url.host);
    }
    const text = await response.text().catch(() => '');
    this.log(`GET ${path} -> ${response.status} in ${Date.now() - started} ms`, apiKey);
    if (!response.ok) {
      throw await httpError(response.status, response.statusText, response.headers.get('retry-after'), text, [apiKey]);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw await httpError(502, 'Invalid JSON', null, text, [apiKey]);
    }
  }

  private headers(apiKey: string | undefined): Record<string, string> {
    const title = this.options.appTitle ?? DEFAULT_APP_TITLE;
    return {
      ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
      'HTTP-Referer': this.options.appUrl ?? DEFAULT_APP_URL,
      'X-OpenRouter-Title': title,
      // The older name, still read by OpenRouter.
      'X-Title': title,
    };
  }

  private endpoint(path: string): URL {
    let url: URL;
    try {
      url = new URL(this.baseUrl + path);
    } catch {
      throw invalidBaseUrlError();
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidBaseUrlError();
    // The settings check refuses such a URL first; this is the last door before the key leaves.
    const transport = keyTransportProblem(url);
    if (transport) throw insecureBaseUrlError(transport);
    return url;
  }

  private async requireApiKey(): Promise<string> {
    const key = (await this.options.getApiKey())?.trim();
    if (!key) {
      throw new OpenRouterError({
        kind: 'unauthorized',
        userMessage: l10n.t('No OpenRouter API key is set. Set one to start chatting.'),
        action: 'setApiKey',
        retryable: false,
      });
    }
    return key;
  }

  private log(line: string, apiKey: string | undefined): void {
    this.options.log?.(redactSecrets(line, [apiKey]));
  }
}

function emptyTurn(clock: () => number = Date.now): AssistantTurn {
  const assembler = new TurnAssembler(clock);
  assembler.markEnded();
  return assembler.turn;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

