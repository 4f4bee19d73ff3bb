import { serialise } from './bodyWriter';
import { IMPLIED_TRANSPORT, SCRIPTS } from './scripts';
import type { ScriptParamValue } from './scriptTypes';

/**
 * The exact body a streaming script sends, as one string (pauses dropped, line endings applied),
 * for tests and benchmarks that feed bytes to the client's stream processor directly.
 */
export function renderScriptBody(
  name: string,
  params: Record<string, ScriptParamValue> = {},
  userText = 'Hello there',
  generationId = 'gen-mock-1',
): string {
  const script = SCRIPTS[name];
  if (!script) throw new Error(`Unknown script ${name}`);
  const allParams = { ...IMPLIED_TRANSPORT[name], ...params };
  const body = { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: userText }] };
  const plan = script({ params: allParams, lastUserText: userText, body, generationId, model: body.model });
  if (plan.kind !== 'stream') throw new Error(`Script ${name} answers with HTTP ${plan.status}, not a stream`);
  let text = '';
  for (const item of plan.items) text += serialise(item);
  const ending = String(allParams['lineEnding'] ?? 'lf');
  return ending === 'crlf' ? text.replace(/\n/g, '\r\n') : ending === 'cr' ? text.replace(/\n/g, '\r') : text;
}
