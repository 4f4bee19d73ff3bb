import { OpenRouterError } from './errors';
import * as l10n from '../l10n';
import { excerpt } from './excerpt';
import { readWireLogprobs } from './logprobs';
import { redactSecrets } from './redact';
import type { ReasoningDetail, StreamEvent, UrlCitation, Usage } from './types';

/** The parts of a `chat.completion.chunk` the client reads; everything is optional on the wire. */
interface WireChunk {
  id?: string;
  model?: string;
  provider?: string;
  error?: WireStreamError;
  usage?: WireUsage;
  choices?: WireChoice[];
}

interface WireChoice {
  delta?: {
    content?: string | null;
    reasoning?: string | null;
    reasoning_details?: ReasoningDetail[] | null;
    tool_calls?: WireToolCallDelta[] | null;
    annotations?: unknown[] | null;
  };
  /** Some providers put the annotations on the message of the finishing chunk instead. */
  message?: { annotations?: unknown[] | null };
  finish_reason?: string | null;
  native_finish_reason?: string | null;
  /** `{ content: [{ token, logprob, bytes, top_logprobs }], refusal }` when requested, else null. */
  logprobs?: unknown;
  error?: WireStreamError;
}

interface WireToolCallDelta {
  index?: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}

interface WireStreamError {
  code?: number | string;
  message?: string;
  metadata?: Record<string, unknown>;
}

interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
  cost?: number;
  is_byok?: boolean;
  cost_details?: { upstream_inference_cost?: number | null } | null;
}

/** Native finish reasons that mean the provider failed even when no error object came along. */
const FAILED_NATIVE_REASONS: ReadonlySet<string> = new Set(['error', 'network_error']);

/**
 * Turns the `data` of one SSE event into StreamEvents appended to `out`. Throws an
 * OpenRouterError (kind midStream) for an error reported inside the stream, after appending what
 * the same chunk carried before it.
 */
export class ChunkMapper {
  private metaSent = false;

  map(data: string, out: StreamEvent[]): void {
    // Proxies have been seen to re-emit the `: OPENROUTER PROCESSING` comment as a data line.
    if (data.length === 0 || data.charCodeAt(0) === 58 /* ':' */) return;
    let chunk: WireChunk;
    try {
      chunk = JSON.parse(data) as WireChunk;
    } catch {
      throw malformedEventError(data);
    }
    if (!chunk || typeof chunk !== 'object') return;

    if (!this.metaSent && (chunk.id || chunk.model || chunk.provider)) {
      this.metaSent = true;
      out.push({ type: 'meta', generationId: chunk.id, model: chunk.model, provider: chunk.provider });
    }
    const choice = chunk.choices?.[0];
    const delta = choice?.delta;
    if (delta) mapDelta(delta, out);
    const tokens = readWireLogprobs(choice?.logprobs);
    if (tokens.length > 0) out.push({ type: 'logprobs', tokens });
    mapCitations(delta?.annotations ?? choice?.message?.annotations, out);

    if (chunk.error) throw midStreamError(chunk.error);
    if (choice) {
      if (choice.error) throw midStreamError(choice.error);
      const finishReason = choice.finish_reason ?? null;
      const nativeFinishReason = choice.native_finish_reason ?? null;
      if (finishReason === 'error' || (nativeFinishReason !== null && FAILED_NATIVE_REASONS.has(nativeFinishReason))) {
        throw midStreamError(undefined, nativeFinishReason ?? finishReason);
      }
      if (finishReason !== null || nativeFinishReason !== null) {
        out.push({ type: 'finish', finishReason, nativeFinishReason });
      }
    }
    if (chunk.usage) out.push({ type: 'usage', usage: mapUsage(chunk.usage) });
  }
}

function mapDelta(delta: NonNullable<WireChoice['delta']>, out: StreamEvent[]): void {
  const details = delta.reasoning_details;
  const hasDetails = Array.isArray(details) && details.length > 0;
  // Open-weight models send the same text in `reasoning` and in `reasoning_details`: show it once.
  if (typeof delta.reasoning === 'string' && delta.reasoning.length > 0) {
    out.push({ type: 'reasoning', text: delta.reasoning });
  } else if (hasDetails) {
    const text = readableText(details);
    if (text) out.push({ type: 'reasoning', text });
  }
  if (hasDetails) out.push({ type: 'reasoningDetails', details });
  if (typeof delta.content === 'string' && delta.content.length > 0) out.push({ type: 'content', text: delta.content });
  if (Array.isArray(delta.tool_calls)) {
    for (const call of delta.tool_calls) {
      out.push({
        type: 'toolCall',
        index: call.index ?? 0,
        id: call.id,
        name: call.function?.name,
        argumentsDelta: call.function?.arguments ?? '',
      });
    }
  }
}

/** `url_citation` annotations (web search); other annotation types are not shown. */
function mapCitations(annotations: unknown[] | null | undefined, out: StreamEvent[]): void {
  if (!Array.isArray(annotations)) return;
  const citations: UrlCitation[] = [];
  for (const annotation of annotations) {
    const entry = annotation as { type?: unknown; url_citation?: Record<string, unknown> } | null;
    const wire = entry?.type === 'url_citation' ? entry.url_citation : undefined;
    if (!wire || typeof wire['url'] !== 'string') continue;
    const citation: UrlCitation = { url: wire['url'] };
    if (typeof wire['title'] === 'string') citation.title = wire['title'];
    if (typeof wire['content'] === 'string') citation.content = wire['content'];
    if (typeof wire['start_index'] === 'number') citation.startIndex = wire['start_index'];
    if (typeof wire['end_index'] === 'number') citation.endIndex = wire['end_index'];
    citations.push(citation);
  }
  if (citations.length > 0) out.push({ type: 'citations', citations });
}

/** The human-readable part of reasoning details (encrypted items have none). */
function readableText(details: readonly ReasoningDetail[]): string {
  let text = '';
  for (const detail of details) {
    if (detail.type === 'reasoning.text' && typeof detail.text === 'string') text += detail.text;
    else if (detail.type === 'reasoning.summary' && typeof detail.summary === 'string') text += detail.summary;
  }
  return text;
}

export function mapUsage(wire: WireUsage): Usage {
  const usage: Usage = {
    promptTokens: wire.prompt_tokens ?? 0,
    completionTokens: wire.completion_tokens ?? 0,
    totalTokens: wire.total_tokens ?? (wire.prompt_tokens ?? 0) + (wire.completion_tokens ?? 0),
  };
  const reasoningTokens = wire.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoningTokens === 'number') usage.reasoningTokens = reasoningTokens;
  const cached = wire.prompt_tokens_details?.cached_tokens;
  if (typeof cached === 'number') usage.cachedTokens = cached;
  const cacheWrite = wire.prompt_tokens_details?.cache_write_tokens;
  if (typeof cacheWrite === 'number') usage.cacheWriteTokens = cacheWrite;
  // Bring your own key: `cost` is OpenRouter's fee (often 0) and the provider bills the real
  // figure, `upstream_inference_cost`. Adding the two would count the fee twice over.
  const upstream = wire.cost_details?.upstream_inference_cost;
  if (wire.is_byok === true && typeof upstream === 'number') usage.costUsd = upstream;
  else if (typeof wire.cost === 'number') usage.costUsd = wire.cost;
  if (typeof wire.is_byok === 'boolean') usage.isByok = wire.is_byok;
  return usage;
}

function midStreamError(error: WireStreamError | undefined, reason?: string | null): OpenRouterError {
  const message = error?.message ? excerpt(redactSecrets(error.message)) : undefined;
  const code = error?.code;
  const what = message ?? l10n.t('the provider reported "{0}"', reason ?? 'error');
  return new OpenRouterError({
    kind: 'midStream',
    userMessage:
      code !== undefined
        ? l10n.t('The answer stopped with an error: {0} (code {1}). Try again.', what, code)
        : l10n.t('The answer stopped with an error: {0}. Try again.', what),
    action: 'retry',
    retryable: true,
    ...(code !== undefined ? { code } : {}),
    ...(error?.metadata ? { metadata: error.metadata } : {}),
  });
}

function malformedEventError(data: string): OpenRouterError {
  return new OpenRouterError({
    kind: 'midStream',
    userMessage: l10n.t('OpenRouter sent an event that is not valid JSON: "{0}". Try again.', excerpt(redactSecrets(data), 80)),
    action: 'retry',
    retryable: true,
  });
}
