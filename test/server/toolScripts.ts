/**
 * Scripts for the tool loop: the model asks for tools (arguments streamed in pieces) until the
 * conversation holds `rounds` rounds of tool results, then answers in text that quotes what the
 * tools returned, so a test sees the results reached the server. And a web search answer with
 * `url_citation` annotations.
 */
import type { Script, ScriptContext, StreamItem } from './scriptTypes';
import { numberParam, stringParam } from './scriptTypes';
import { ChunkFactory, SSE_DONE, usageFor } from './transcripts';

interface WireMessageLike {
  role?: string;
  content?: unknown;
  tool_calls?: unknown[];
  tool_call_id?: string;
}

/** The messages after the last user message: this answer's rounds so far. */
function sinceLastUser(context: ScriptContext): WireMessageLike[] {
  const messages = (Array.isArray(context.body['messages']) ? context.body['messages'] : []) as WireMessageLike[];
  let last = -1;
  messages.forEach((message, index) => {
    if (message.role === 'user') last = index;
  });
  return messages.slice(last + 1);
}

/** Argument text in three pieces, so a call is assembled across chunks. */
function pieces(text: string): string[] {
  const third = Math.max(1, Math.ceil(text.length / 3));
  return [text.slice(0, third), text.slice(third, 2 * third), text.slice(2 * third)].filter((piece) => piece.length > 0);
}

function callsOf(context: ScriptContext): { name: string; args: string }[] {
  const count = numberParam(context, 'parallel', 1);
  const calls: { name: string; args: string }[] = [];
  for (let i = 1; i <= count; i++) {
    const suffix = i === 1 ? '' : String(i);
    calls.push({
      name: stringParam(context, `tool${suffix}`, stringParam(context, 'tool', 'read_file')),
      args: stringParam(context, `args${suffix}`, stringParam(context, 'args', '{"path":"src/math.ts"}')),
    });
  }
  return calls;
}

const toolLoop: Script = (context) => {
  const factory = new ChunkFactory(context.generationId, context.model);
  const since = sinceLastUser(context);
  const roundsDone = since.filter((message) => message.role === 'assistant' && Array.isArray(message.tool_calls)).length;
  const items: StreamItem[] = [];
  if (roundsDone < numberParam(context, 'rounds', 1)) {
    const thought = `Round ${roundsDone + 1}: I need to look at the workspace.`;
    items.push({ data: factory.reasoning(thought, true) });
    items.push({ data: factory.chunk([{ index: 0, delta: { role: 'assistant', content: null, reasoning_details: [{ type: 'reasoning.encrypted', data: `enc-${roundsDone + 1}`, id: 'rs_1', format: 'openai-responses-v1', index: 1 }] }, finish_reason: null }]) });
    callsOf(context).forEach((call, index) => {
      const id = `call_${roundsDone + 1}_${index + 1}`;
      items.push({ data: factory.chunk([{ index: 0, delta: { tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }] }, finish_reason: null }]) });
      for (const piece of pieces(call.args)) {
        items.push({ data: factory.chunk([{ index: 0, delta: { tool_calls: [{ index, function: { arguments: piece } }] }, finish_reason: null }]) });
      }
    });
    items.push({ data: factory.chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls', native_finish_reason: 'tool_calls' }]) });
    items.push({ data: factory.usage(usageFor(40, 20, 8)) });
  } else {
    const results = since.filter((message) => message.role === 'tool').map((message) => `${message.tool_call_id}: ${String(message.content).slice(0, 300)}`);
    items.push({ data: factory.reasoning('I have the tool results.', true) });
    items.push({ data: factory.content(`Tool results seen: ${results.length}.\n\n`) });
    for (const result of results) items.push({ data: factory.content(`- ${result}\n`) });
    items.push({ data: factory.finish('stop') });
    items.push({ data: factory.usage(usageFor(60, 30, 5)) });
  }
  items.push({ raw: SSE_DONE });
  return { kind: 'stream', items, ending: 'end' };
};

const webSearch: Script = (context) => {
  const factory = new ChunkFactory(context.generationId, context.model);
  const citations = [
    { url: 'https://example.com/vscode-api', title: 'VS Code API', content: 'The API reference.', start_index: 0, end_index: 10 },
    { url: 'https://example.org/openrouter-tools', title: 'OpenRouter server tools', content: 'Web search.', start_index: 11, end_index: 30 },
  ];
  const finish = factory.chunk([{ index: 0, delta: { role: 'assistant', content: '', annotations: citations.map((url_citation) => ({ type: 'url_citation', url_citation })) }, finish_reason: 'stop', native_finish_reason: 'stop' }]);
  return {
    kind: 'stream',
    ending: 'end',
    items: [
      { data: factory.reasoning('Searching the web.', true) },
      { data: factory.content('According to the sources [1][2], tools are server-side.') },
      { data: finish },
      { data: factory.usage(usageFor(30, 20, 4)) },
      { raw: SSE_DONE },
    ],
  };
};

export const TOOL_SCRIPTS: Readonly<Record<string, Script>> = {
  'tool-loop': toolLoop,
  'web-search': webSearch,
};
