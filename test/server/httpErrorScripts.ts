import type { Script, ScriptContext, ScriptPlan } from './scriptTypes';
import { numberParam } from './scriptTypes';

/** An OpenRouter-style JSON error answer. */
function jsonError(status: number, message: string, metadata?: Record<string, unknown>, headers?: Record<string, string>): ScriptPlan {
  return {
    kind: 'http',
    status,
    ...(headers ? { headers } : {}),
    contentType: 'application/json',
    body: JSON.stringify({ error: { code: status, message, ...(metadata ? { metadata } : {}) } }),
  };
}

const BAD_GATEWAY_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';

export const HTTP_ERROR_SCRIPTS: Readonly<Record<string, Script>> = {
  'http-400': () => jsonError(400, 'Invalid request: temperature must be a number between 0 and 2.', { error_type: 'invalid_request' }),
  'http-400-reasoning-mandatory': () => jsonError(400, 'Reasoning is mandatory for this endpoint and cannot be disabled.'),
  'http-401': () => jsonError(401, 'No auth credentials found'),
  'http-402': () => jsonError(402, 'Insufficient credits. Add more using https://openrouter.ai/settings/credits'),
  'http-403-moderation': () =>
    jsonError(403, 'openai/gpt-oss-120b requires moderation on OpenAI. Your input was flagged for "harassment".', {
      reasons: ['harassment', 'violence'],
      flagged_input: 'This is the part of the prompt that the moderation model flagged as harassment…',
      provider_name: 'OpenAI',
      model_slug: 'openai/gpt-oss-120b',
    }),
  'http-408': () => jsonError(408, 'Request timed out', { error_type: 'timeout' }),
  'http-413': () => jsonError(413, 'Request entity too large: the prompt exceeds the maximum request size.'),
  'http-429': (context: ScriptContext) =>
    jsonError(429, 'Rate limit exceeded: free-models-per-min.', { error_type: 'rate_limit_exceeded' }, {
      'Retry-After': String(numberParam(context, 'retryAfter', 1)),
    }),
  'http-500': () => jsonError(500, 'Internal Server Error'),
  'http-502': () => jsonError(502, 'Provider returned error', { provider_name: 'Cerebras', raw: 'upstream connect error', error_type: 'provider_overloaded' }),
  'http-503': (context: ScriptContext) =>
    jsonError(503, 'No endpoints found that can handle the requested parameters.', undefined, {
      'Retry-After': String(numberParam(context, 'retryAfter', 1)),
    }),
  'http-non-json': () => ({ kind: 'http', status: 502, contentType: 'text/html', body: BAD_GATEWAY_PAGE }),
};
