/**
 * Checks a chat completion body, as it arrived on the wire, against the request schema of the
 * official `@openrouter/sdk`. The SDK's zod schema reads the camelCase shape its callers write and
 * outputs the snake_case wire shape, so the check runs the wire body backwards: keys to camelCase,
 * through the schema, and back. A body is valid when the schema accepts it and every field that
 * went in comes out unchanged: a field the schema does not know is stripped on the way, and a
 * stripped field is reported too (OpenRouter would ignore it silently, which is how a setting
 * quietly stops working).
 */

// The SDK is an ES module and the tests are CommonJS: a dynamic import, which esbuild bundles.
const sdkSchema = import('@openrouter/sdk/models/chatrequest.js').then((module) => module.ChatRequest$outboundSchema);

/**
 * Objects whose keys are data, not field names (token ids, metadata keys, JSON Schema property
 * names): their keys are left as they are. Paths use `*` for any array index.
 */
const RECORD_PATHS: readonly string[] = ['logit_bias', 'metadata', 'image_config', 'tools.*.function.parameters', 'response_format.json_schema.schema'];

/**
 * Loads the schema (the SDK is large): the server awaits this before it listens, so the first
 * request is not slowed by the load, which a short stall timeout in a test would notice.
 */
export async function loadRequestSchema(): Promise<void> {
  await sdkSchema;
}

/** Problems with this body, one line each; empty when it is valid. */
export async function requestSchemaProblems(body: unknown): Promise<string[]> {
  const result = (await sdkSchema).safeParse(camelize(body, ''));
  if (!result.success) {
    return result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  }
  return lostFields(body, result.data, '');
}

function camelize(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((item) => camelize(item, join(path, '*')));
  if (!isObject(value) || RECORD_PATHS.includes(path)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [toCamel(key), camelize(item, join(path, key))]));
}

/** Fields of `sent` that are missing or changed in `parsed` (defaults the schema adds are fine). */
function lostFields(sent: unknown, parsed: unknown, path: string): string[] {
  if (Array.isArray(sent)) {
    if (!Array.isArray(parsed) || parsed.length !== sent.length) return [`${path}: changed by the schema`];
    return sent.flatMap((item, index) => lostFields(item, parsed[index], join(path, String(index))));
  }
  if (isObject(sent)) {
    if (!isObject(parsed)) return [`${path}: changed by the schema`];
    return Object.entries(sent).flatMap(([key, item]) =>
      key in parsed ? lostFields(item, parsed[key], join(path, key)) : [`${join(path, key)}: not a field of the OpenRouter request schema`],
    );
  }
  return Object.is(sent, parsed) ? [] : [`${path}: ${JSON.stringify(sent)} became ${JSON.stringify(parsed)}`];
}

function toCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
