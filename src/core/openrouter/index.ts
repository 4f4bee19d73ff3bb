// The OpenRouter client: everything the rest of the extension needs, from one place.
export * from './types';
export * from './errors';
export { OpenRouterClient, DEFAULT_BASE_URL, DEFAULT_APP_URL, DEFAULT_APP_TITLE, DEFAULT_STALL_TIMEOUT_MS, type OpenRouterClientOptions } from './client';
export { buildChatRequest, chooseReasoningEffort, nearestEffort, type ChatSettings, type ConversationTurn, type BuildOptions } from './requestBuilder';
export { estimateTokens, estimateWorstCaseCostUsd } from './pricing';
export { redactSecrets } from './redact';
export { REASONING_EFFORTS } from './models';
