/**
 * Turns the raw `openrouterChat.*` settings into a validated configuration. A bad value never
 * reaches the network: the caller gets a problem naming the exact setting, and no request is sent.
 */
import type { ReasoningEffort } from './openrouter/types';
import type { ReasoningDisplay } from '../shared/protocol';
import { keyTransportProblem } from './trust/keyTransport';
import { REASONING_EFFORTS } from './openrouter/models';
import type { RoutingPreferences, SamplingParameters } from './openrouter/requestParameters';
import { optionalNumber as checkedNumber, readRoutingPreferences, readSamplingParameters } from './parameterSettings';

export const SETTINGS_SECTION = 'openrouterChat';
export const DEFAULT_MODEL = 'openai/gpt-oss-120b';
export const DEFAULT_BASE_URL_SETTING = 'https://openrouter.ai/api/v1';

export type ProviderSort = 'throughput' | 'price' | 'latency';

export interface ChatConfig {
  readonly baseUrl: string;
  readonly model: string;
  readonly reasoningEffort: ReasoningEffort;
  readonly reasoningDisplay: ReasoningDisplay;
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly systemPrompt: string;
  readonly providerSort?: ProviderSort;
  readonly stallTimeoutMs: number;
  readonly maxCostPerRequest?: number;
  /** Every sampling parameter that is set (temperature and maxTokens too). */
  readonly parameters: SamplingParameters;
  readonly routing: RoutingPreferences;
}

export interface SettingProblem {
  /** Full setting id, e.g. `openrouterChat.temperature`. */
  readonly setting: string;
  readonly message: string;
}

export type ConfigResult = { readonly ok: true; readonly config: ChatConfig } | { readonly ok: false; readonly problems: readonly SettingProblem[] };

/** Reads one raw setting value; the editor layer passes `workspace.getConfiguration().get`. */
export type SettingReader = (key: string) => unknown;

const EFFORTS: readonly ReasoningEffort[] = REASONING_EFFORTS;
const DISPLAYS: readonly ReasoningDisplay[] = ['collapsed', 'expanded', 'hidden'];
const SORTS: readonly (ProviderSort | 'none')[] = ['none', 'throughput', 'price', 'latency'];

export function readChatConfig(read: SettingReader): ConfigResult {
  const problems: SettingProblem[] = [];
  const problem = (key: string, message: string): undefined => {
    problems.push({ setting: `${SETTINGS_SECTION}.${key}`, message: `${SETTINGS_SECTION}.${key}: ${message}` });
    return undefined;
  };

  const baseUrl = validateBaseUrl(read('baseUrl'), problem);
  const model = validateModel(read('model'), problem);
  const reasoningEffort = oneOf(read('reasoningEffort'), EFFORTS, 'medium', 'reasoningEffort', problem);
  const reasoningDisplay = oneOf(read('reasoningDisplay'), DISPLAYS, 'collapsed', 'reasoningDisplay', problem);
  const parameters = readSamplingParameters(read, problem);
  const routing = readRoutingPreferences(read, problem);
  const { temperature, maxTokens } = parameters;
  const systemPromptRaw = read('systemPrompt');
  const systemPrompt = typeof systemPromptRaw === 'string' ? systemPromptRaw : systemPromptRaw == null ? '' : (problem('systemPrompt', 'must be text.') ?? '');
  const sort = oneOf(read('providerSort'), SORTS, 'none', 'providerSort', problem);
  const timeoutSeconds = optionalNumber(read('requestTimeoutSeconds'), 'requestTimeoutSeconds', { min: 5, max: 600 }, problem) ?? 60;
  const maxCostPerRequest = optionalNumber(read('maxCostPerRequest'), 'maxCostPerRequest', { min: 0 }, problem);

  if (problems.length > 0 || baseUrl === undefined || model === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    config: {
      baseUrl,
      model,
      reasoningEffort,
      reasoningDisplay,
      ...(temperature !== undefined ? { temperature } : {}),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      systemPrompt,
      ...(sort !== 'none' ? { providerSort: sort } : {}),
      stallTimeoutMs: Math.round(timeoutSeconds * 1000),
      ...(maxCostPerRequest !== undefined && maxCostPerRequest > 0 ? { maxCostPerRequest } : {}),
      parameters,
      routing,
    },
  };
}

type Report = (key: string, message: string) => undefined;

function validateBaseUrl(raw: unknown, problem: Report): string | undefined {
  const value = raw == null || raw === '' ? DEFAULT_BASE_URL_SETTING : raw;
  if (typeof value !== 'string') return problem('baseUrl', 'must be a URL such as https://openrouter.ai/api/v1.');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return problem('baseUrl', `"${value}" is not a valid URL; expected something like https://openrouter.ai/api/v1.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return problem('baseUrl', `must use http or https, not ${url.protocol.replace(':', '')}.`);
  }
  if (url.username || url.password) {
    // A key pasted into the URL would end up in logs and error messages.
    return problem('baseUrl', 'must not contain a user name or password; set the key with "OpenRouter Chat: Set API Key".');
  }
  const transport = keyTransportProblem(url);
  if (transport) return problem('baseUrl', transport);
  return url.toString().replace(/\/+$/, '');
}

function validateModel(raw: unknown, problem: Report): string | undefined {
  const value = raw == null || raw === '' ? DEFAULT_MODEL : raw;
  if (typeof value !== 'string' || !/^[\w.:@/-]+$/.test(value.trim())) {
    return problem('model', `"${String(value)}" is not a model id; expected something like ${DEFAULT_MODEL}.`);
  }
  return value.trim();
}

function oneOf<T extends string>(raw: unknown, allowed: readonly T[], fallback: T, key: string, problem: Report): T {
  if (raw == null || raw === '') return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  problem(key, `"${String(raw)}" is not one of ${allowed.join(', ')}.`);
  return fallback;
}

function optionalNumber(raw: unknown, key: string, range: { min?: number; max?: number; integer?: boolean }, problem: Report): number | undefined {
  return checkedNumber(raw, key, range, problem);
}
