import * as assert from 'node:assert/strict';
import { buildChatRequest, chooseReasoningEffort, nearestEffort, type ChatSettings, type ConversationTurn } from '../../../src/core/openrouter/requestBuilder';
import type { ModelInfo } from '../../../src/core/openrouter/types';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { clientFor } from '../../support/openRouterTestKit';

const settings: ChatSettings = { model: 'openai/gpt-oss-120b', reasoningEffort: 'high' };

function model(overrides: Partial<ModelInfo>): ModelInfo {
  return {
    id: 'x/y', name: 'Y', contextLength: 8192, promptPricePerToken: 0, completionPricePerToken: 0,
    supportedParameters: [], supportsReasoning: true, reasoningMandatory: false, ...overrides,
  };
}

describe('buildChatRequest', () => {
  it('puts every setting into the body, with the system prompt first', () => {
    const request = buildChatRequest([{ role: 'user', content: 'Hi' }], {
      model: 'openai/gpt-oss-120b', reasoningEffort: 'low', temperature: 0.3, topP: 0.9, maxTokens: 2048, seed: 7, stop: ['END'], providerSort: 'throughput',
    }, { systemPrompt: 'Be brief.', tools: [{ type: 'function' }], toolChoice: 'auto' });
    assert.deepEqual(request, {
      model: 'openai/gpt-oss-120b',
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
      reasoning: { effort: 'low' },
      max_tokens: 2048, temperature: 0.3, top_p: 0.9, seed: 7, stop: ['END'],
      provider: { sort: 'throughput' },
      tools: [{ type: 'function' }], tool_choice: 'auto',
    });
  });

  it('leaves out settings that are not set (and an empty stop list)', () => {
    const request = buildChatRequest([{ role: 'user', content: 'Hi' }], { ...settings, stop: [] });
    assert.deepEqual(Object.keys(request).sort(), ['messages', 'model', 'reasoning']);
  });

  it('never sends effort "none", enabled:false, or max_tokens beside effort', () => {
    for (const effort of ['low', 'medium', 'high'] as const) {
      const request = buildChatRequest([{ role: 'user', content: 'Hi' }], { ...settings, reasoningEffort: effort, maxTokens: 100 });
      assert.deepEqual(request.reasoning, { effort });
      assert.equal(request.max_tokens, 100, 'the answer budget is top-level max_tokens, not reasoning.max_tokens');
    }
  });

  it('sends an effort only to models that reason', () => {
    const mistral = model({ id: 'mistralai/mistral-small-3.2-24b-instruct', supportsReasoning: false });
    assert.equal(buildChatRequest([], { ...settings, model: mistral.id }, { model: mistral }).reasoning, undefined);
    assert.equal(chooseReasoningEffort('openai/gpt-oss-20b:nitro', 'medium'), 'medium', 'unknown gpt-oss variant: known reasoning family');
    assert.equal(chooseReasoningEffort('meta-llama/llama-3.3-70b-instruct', 'medium'), undefined, 'unknown model outside the families');
  });

  it('snaps the effort to the nearest one the model supports', () => {
    assert.equal(chooseReasoningEffort('x/y', 'medium', model({ reasoningEfforts: ['low', 'high'] })), 'low');
    assert.equal(chooseReasoningEffort('x/y', 'low', model({ reasoningEfforts: ['high'] })), 'high');
    assert.equal(chooseReasoningEffort('x/y', 'high', model({ reasoningEfforts: ['low', 'medium'] })), 'medium');
    assert.equal(chooseReasoningEffort('x/y', 'high', model({})), 'high', 'no allow-list: anything goes');
    assert.equal(nearestEffort('medium', ['medium']), 'medium');
  });

  describe('reasoning round trip on the next request', () => {
    const details = [{ type: 'reasoning.text', text: 'Need the file first.', format: 'unknown', index: 0 }];
    const toolCalls = [{ id: 'call_1', type: 'function' as const, function: { name: 'read_file', arguments: '{"path":"src/a.ts"}' } }];
    const turns: ConversationTurn[] = [
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '4.', reasoning: 'User asks 2+2.', reasoningDetails: [{ type: 'reasoning.text', text: 'User asks 2+2.' }] },
      { role: 'user', content: 'Read src/a.ts' },
      { role: 'assistant', content: '', reasoning: 'Need the file first.', reasoningDetails: details, toolCalls },
      { role: 'user', content: 'Go on' },
    ];
    const request = buildChatRequest(turns, settings);

    it('sends the reasoning_details of plain answers back unchanged (and not the reasoning text twice)', () => {
      assert.deepEqual(request.messages[1], { role: 'assistant', content: '4.', reasoning_details: [{ type: 'reasoning.text', text: 'User asks 2+2.' }] });
    });

    it('sends reasoning and reasoning_details back, unchanged, beside tool calls', () => {
      assert.deepEqual(request.messages[3], { role: 'assistant', content: null, tool_calls: toolCalls, reasoning: 'Need the file first.', reasoning_details: details });
    });
  });

  describe('second request on the wire', () => {
    let server: MockOpenRouter;
    before(async () => {
      server = await startOpenRouterServer();
    });
    after(() => server.close());

    it('carries the details of a tool-call turn and of a plain answer', async () => {
      const { client } = clientFor(server);
      const first = await client.complete(buildChatRequest([{ role: 'user', content: 'hi' }], settings));
      assert.ok(first.reasoningDetails.length > 0, 'the default script streams reasoning details');
      const toolTurn = await client.complete(buildChatRequest([{ role: 'user', content: '[[mock:tool-call]] read it' }], settings));
      const withReasoning = { ...toolTurn, reasoning: 'I should read the file.', reasoningDetails: [{ type: 'reasoning.text', text: 'I should read the file.', format: 'unknown', index: 0 }] };
      const turns: ConversationTurn[] = [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: first.content, reasoning: first.reasoning, reasoningDetails: first.reasoningDetails },
        { role: 'user', content: 'read it' },
        { role: 'assistant', content: withReasoning.content, reasoning: withReasoning.reasoning, reasoningDetails: withReasoning.reasoningDetails, toolCalls: withReasoning.toolCalls },
        { role: 'user', content: 'and now?' },
      ];
      await client.complete(buildChatRequest(turns, settings));
      const body = server.requests.at(-1)?.body as { messages: Record<string, unknown>[]; reasoning: unknown; stream: boolean };
      assert.equal(body.stream, true);
      assert.deepEqual(body.reasoning, { effort: 'high' });
      assert.deepEqual(body.messages[1], { role: 'assistant', content: first.content, reasoning_details: first.reasoningDetails });
      assert.deepEqual(body.messages[3], {
        role: 'assistant', content: null, tool_calls: toolTurn.toolCalls,
        reasoning: 'I should read the file.', reasoning_details: withReasoning.reasoningDetails,
      });
    });
  });
});
