import type { ScriptParamValue, ScriptSpec } from './scriptTypes';

/** `[[mock:NAME k=v k2=v2]]` anywhere in the last user message picks a script. */
const MARKER = /\[\[mock:([^\]]+)\]\]/;

function coerce(value: string): ScriptParamValue {
  if (value === 'true') return true;
  if (value === 'false') return false;
  const number = Number(value);
  return value !== '' && !Number.isNaN(number) ? number : value;
}

/** Parses `name k=v k2=v2` into a ScriptSpec. */
export function parseScriptText(text: string): ScriptSpec {
  const [name = 'default', ...pairs] = text.trim().split(/\s+/);
  const spec: ScriptSpec = { script: name };
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals > 0) spec[pair.slice(0, equals)] = coerce(pair.slice(equals + 1));
  }
  return spec;
}

/** Accepts `'name k=v'`, `{ script: 'name', k: v }` or `{ script: { script: 'name', … } }`. */
export function toScriptSpec(value: unknown): ScriptSpec | undefined {
  if (typeof value === 'string') return parseScriptText(value);
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const inner = record['script'];
  if (inner && typeof inner === 'object') return toScriptSpec(inner);
  if (typeof inner !== 'string') return undefined;
  const spec = parseScriptText(inner);
  for (const [key, param] of Object.entries(record)) {
    if (key !== 'script' && (typeof param === 'string' || typeof param === 'number' || typeof param === 'boolean')) spec[key] = param;
  }
  return spec;
}

/** Text of the last user message (string content or text parts). */
export function lastUserText(body: Record<string, unknown>): string {
  const messages = Array.isArray(body['messages']) ? (body['messages'] as unknown[]) : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as { role?: unknown; content?: unknown } | undefined;
    if (message?.role !== 'user') continue;
    if (typeof message.content === 'string') return message.content;
    if (Array.isArray(message.content)) {
      return message.content.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('');
    }
    return '';
  }
  return '';
}

export function markerSpec(userText: string): ScriptSpec | undefined {
  const match = MARKER.exec(userText);
  return match?.[1] ? parseScriptText(match[1]) : undefined;
}

export function withoutMarker(userText: string): string {
  return userText.replace(new RegExp(MARKER.source, 'g'), '').trim();
}
