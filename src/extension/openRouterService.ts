/**
 * One OpenRouter client per configuration, and the session's model list. Models are fetched once
 * per session (and on demand), since the picker, the status bar, the cost guard and the context
 * check all want them and the list changes rarely. This is the only model-list cache: the client
 * fetches on every call.
 */
import { OpenRouterClient } from '../core/openrouter/client';
import type { ModelInfo } from '../core/openrouter/types';
import type { ChatConfig } from '../core/settings';
import type { ApiKeyManager } from './apiKeyManager';
import type { Log } from './log';

/** How long the model list may take before requests go ahead without it. */
const MODELS_TIMEOUT_MS = 15_000;

export class OpenRouterService {
  private client: OpenRouterClient | undefined;
  private clientKey = '';
  private models: Promise<ModelInfo[]> | undefined;
  private modelsBaseUrl = '';

  constructor(
    private readonly keys: ApiKeyManager,
    private readonly log: Log,
  ) {}

  clientFor(config: ChatConfig): OpenRouterClient {
    const key = `${config.baseUrl}|${config.stallTimeoutMs}`;
    if (!this.client || key !== this.clientKey) {
      this.client = new OpenRouterClient({
        baseUrl: config.baseUrl,
        getApiKey: () => this.keys.current(),
        stallTimeoutMs: config.stallTimeoutMs,
        appTitle: 'OpenRouter Chat',
        log: (line) => this.log.info('client', line),
      });
      this.clientKey = key;
    }
    return this.client;
  }

  /** The model list, cached for the session; a failed fetch is not cached. */
  listModels(config: ChatConfig, refresh = false): Promise<ModelInfo[]> {
    if (!refresh && this.models && this.modelsBaseUrl === config.baseUrl) return this.models;
    this.modelsBaseUrl = config.baseUrl;
    // Shared by every caller, so no one request's Stop cancels it; a hung server must not hold
    // a request (or the cost guard) forever, so it has a time limit of its own.
    const request = this.clientFor(config).listModels({ signal: AbortSignal.timeout(MODELS_TIMEOUT_MS) });
    this.models = request;
    request.catch(() => {
      if (this.models === request) this.models = undefined;
    });
    return request;
  }

  /** Details of one model, or undefined when the list cannot be had (the chat still works). */
  async modelInfo(config: ChatConfig, modelId = config.model): Promise<ModelInfo | undefined> {
    try {
      const models = await this.listModels(config);
      return models.find((m) => m.id === modelId);
    } catch (error) {
      this.log.warn('models', `model list unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
