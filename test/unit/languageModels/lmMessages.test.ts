import * as assert from 'node:assert/strict';
import { buildLmRequest, conversationSessionId, toLmToolCalls, toWireMessages, type LmMessage } from '../../../src/core/languageModels/lmMessages';
import { mapModelList } from '../../../src/core/openrouter/models';
import { OpenRouterError } from '../../../src/core/openrouter/errors';
import { MODELS_FIXTURE } from '../../server/modelsFixture';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { clientFor } from '../../support/openRouterTestKit';

const toolConversation: LmMessage[] = [
  { role: 'system', parts: [{ kind: 'text', text: 'You are terse.' }] },
  { role: 'user', parts: [{ kind: 'text', text: 'What is in ' }, { kind: 'text', text: 'a.ts?' }] },
  { role: 'assistant', parts: [{ kind: 'toolCall', callId: 'call_1', name: 'read_file', input: { path: 'src/a.ts' } }] },
  { role: 'user', parts: [{ kind: 'toolResult', callId: 'call_1', text: 'export const a = 1;' }] },
  { role: 'assistant', parts: [{ kind: 'text', text: 'It exports a.' }] },
  { role: 'user', parts: [{ kind: 'toolResult', callId: 'call_2', text: 'late result' }, { kind: 'text', text: 'Thanks' }] },
];

describe('language-model messages to OpenRouter', () => {
  it('maps system, user, tool calls and tool results to the wire roles', () => {
    assert.deepEqual(toWireMessages(toolConversation), [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'What is in a.ts?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"src/a.ts"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'export const a = 1;' },
      { role: 'assistant', content: 'It exports a.' },
      { role: 'tool', tool_call_id: 'call_2', content: 'late result' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('applies our settings (effort snapped to the model, routing, limits) and passes the tools', () => {
    const model = mapModelList(MODELS_FIXTURE).find((m) => m.id === 'openai/gpt-oss-120b');
    const request = buildLmRequest(
      [{ role: 'user', parts: [{ kind: 'text', text: 'Hi' }] }],
      { model: 'openai/gpt-oss-120b', reasoningEffort: 'high', providerSort: 'price', maxTokens: 500 },
      { tools: [{ name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } }, { name: 'now', description: 'The time' }], toolRequired: true, ...(model ? { model } : {}) },
    );
    assert.deepEqual(request, {
      model: 'openai/gpt-oss-120b',
      messages: [{ role: 'user', content: 'Hi' }],
      session_id: conversationSessionId([{ role: 'user', parts: [{ kind: 'text', text: 'Hi' }] }]),
      reasoning: { effort: 'high' },
      max_tokens: 500,
      provider: { sort: 'price' },
      tools: [
        { type: 'function', function: { name: 'read_file', description: 'Reads a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } } },
        { type: 'function', function: { name: 'now', description: 'The time', parameters: { type: 'object', properties: {} } } },
      ],
      tool_choice: 'required',
    });
  });

  it('gives every turn of one editor conversation the same session_id, and another conversation its own', () => {
    const turnTwo = conversationSessionId(toolConversation);
    const turnOne = conversationSessionId(toolConversation.slice(0, 2));
    assert.match(turnOne ?? '', /^lm-[0-9a-f]{32}$/);
    assert.equal(turnTwo, turnOne, 'a later turn of the same conversation got another session');
    assert.notEqual(conversationSessionId([{ role: 'user', parts: [{ kind: 'text', text: 'Something else' }] }]), turnOne);
    assert.ok(!(turnOne ?? '').includes('a.ts'), 'the session id carries the question itself');
    assert.equal(conversationSessionId([{ role: 'system', parts: [{ kind: 'text', text: 'Only a system prompt' }] }]), undefined);
    const request = buildLmRequest(toolConversation, { model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', routing: { fallbackModels: ['mistralai/mistral-small-3.2-24b-instruct'] } });
    assert.equal(request.session_id, turnOne);
    assert.deepEqual(request.models, ['mistralai/mistral-small-3.2-24b-instruct'], 'the fallback models setting is not sent');
  });

  it('turns a tool call the server streams in fragments into one call with parsed input', async () => {
    const server: MockOpenRouter = await startOpenRouterServer();
    try {
      server.enqueue('tool-call');
      const { client } = clientFor(server);
      const turn = await client.complete(buildLmRequest(toolConversation, { model: 'openai/gpt-oss-120b', reasoningEffort: 'low' }));
      assert.deepEqual(toLmToolCalls(turn.toolCalls), [{ callId: 'call_1', name: 'read_file', input: { path: 'src/a.ts' } }]);
      const sent = server.lastChatRequest()?.body as { messages: unknown[] };
      assert.deepEqual(sent.messages, toWireMessages(toolConversation));
    } finally {
      await server.close();
    }
  });

  it('reports arguments that are not a JSON object with the tool name and the text', () => {
    assert.deepEqual(toLmToolCalls([{ id: 'c', type: 'function', function: { name: 'now', arguments: '' } }]), [{ callId: 'c', name: 'now', input: {} }]);
    assert.throws(
      () => toLmToolCalls([{ id: 'c', type: 'function', function: { name: 'read_file', arguments: '{"path":' } }]),
      (error: unknown) => error instanceof OpenRouterError && /read_file/.test(error.userMessage) && /\{"path":/.test(error.userMessage),
    );
  });
});
