/**
 * The check every unit test relies on: the local server holds each chat body against the
 * official `@openrouter/sdk` request schema, refuses an invalid one with HTTP 400, and the unit
 * tier's root hook fails the test in which that happened.
 */
import * as assert from 'node:assert/strict';
import { buildChatRequest } from '../../../src/core/openrouter/requestBuilder';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { requestSchemaProblems } from '../../server/requestSchema';
import { takeSchemaViolations } from '../../server/schemaViolations';
import { TEST_API_KEY } from '../../support';

const valid = { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'Hi' }], stream: true };

describe('request bodies against the @openrouter/sdk schema', () => {
  it('accepts what the request builder writes, tool turns and reasoning details included', async () => {
    const request = buildChatRequest(
      [
        { role: 'user', content: 'Read a.ts' },
        {
          role: 'assistant',
          content: '',
          reasoning: 'I should read it.',
          reasoningDetails: [{ type: 'reasoning.text', text: 'I should read it.', format: 'unknown', index: 0 }],
          toolCalls: [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } }],
        },
      ],
      { model: 'anthropic/claude-sonnet-4.5', reasoningEffort: 'high', temperature: 1, topP: 0.5, stop: ['x'], logitBias: { '1': 2 }, routing: { order: ['anthropic'], maxPrice: { prompt: 3 }, fallbackModels: ['openai/gpt-oss-120b'] } },
      { systemPrompt: 'Be brief.', sessionId: 'chat-1', tools: [{ type: 'function', function: { name: 'read_file', parameters: { type: 'object', properties: { file_path: { type: 'string' } } } } }] },
    );
    assert.deepEqual(await requestSchemaProblems({ ...request, stream: true }), []);
  });

  it('names a field the schema does not know, a wrong type and a wrong enum value', async () => {
    assert.deepEqual(await requestSchemaProblems({ ...valid, top_p_value: 0.5 }), ['top_p_value: not a field of the OpenRouter request schema']);
    assert.match((await requestSchemaProblems({ ...valid, temperature: 'hot' })).join(), /temperature/);
    assert.match((await requestSchemaProblems({ ...valid, seed: 1.5 })).join(), /seed/);
    assert.match((await requestSchemaProblems({ ...valid, provider: { max_price: { prompt: 1 } } })).join(), /provider\.maxPrice\.prompt/);
    assert.match((await requestSchemaProblems({ ...valid, provider: { sorting: 'price' } })).join(), /provider\.sorting: not a field/);
    assert.match((await requestSchemaProblems({ ...valid, messages: [{ role: 'tool', content: 'x' }] })).join(), /messages/);
  });

  describe('on the local server', () => {
    let server: MockOpenRouter;
    before(async () => {
      server = await startOpenRouterServer();
    });
    after(() => server.close());

    it('refuses an invalid body with HTTP 400 naming the problem, and notes it for the root hook', async () => {
      const response = await fetch(`${server.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TEST_API_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...valid, reasoning: { effort: 'low', budget: 100 } }),
      });
      assert.equal(response.status, 400);
      assert.match(await response.text(), /reasoning\.budget: not a field of the OpenRouter request schema/);
      assert.deepEqual(server.requests.at(-1)?.schemaProblems, ['reasoning.budget: not a field of the OpenRouter request schema']);
      // Taken here so the root hook does not fail this test, which wanted the violation.
      assert.deepEqual(takeSchemaViolations(), [['reasoning.budget: not a field of the OpenRouter request schema']]);
    });
  });
});
