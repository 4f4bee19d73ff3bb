import * as assert from 'node:assert/strict';
import { modelSupportsTools, toolsForRequest, WEB_SEARCH_TOOL, WORKSPACE_TOOLS, TOOL_NAMES } from '../../../src/core/tools/definitions';
import { mapModelList } from '../../../src/core/openrouter/models';
import { describeRequest, parseToolCall } from '../../../src/core/tools/toolRequest';
import { MODELS_FIXTURE } from '../../server/modelsFixture';

const call = (name: string, args: string) => ({ id: 'call_1', type: 'function' as const, function: { name, arguments: args } });

describe('tool requests', () => {
  it('defines every tool with an object schema', () => {
    assert.deepEqual(WORKSPACE_TOOLS.map((tool) => tool.function.name), [...TOOL_NAMES]);
    for (const tool of WORKSPACE_TOOLS) assert.equal(tool.function.parameters['type'], 'object');
  });

  it('parses arguments and describes the call in words', () => {
    const cases: [string, string, string][] = [
      ['read_file', '{"path":"src/math.ts","startLine":1,"endLine":40}', 'Read src/math.ts, lines 1-40'],
      ['read_file', '{"path":"src/math.ts","startLine":null}', 'Read src/math.ts'],
      ['list_files', '{"folder":"src","glob":"**/*.ts"}', 'List files in src matching **/*.ts'],
      ['search_text', '{"query":"add("}', 'Search for "add("'],
      ['get_diagnostics', '{}', 'Get the problems of the workspace'],
      ['get_symbols', '{"path":"src/math.ts"}', 'Get the symbols of src/math.ts'],
      ['propose_edit', '{"path":"src/math.ts","oldText":"a","newText":"b"}', 'Propose an edit to src/math.ts'],
      ['get_diagnostics', '', 'Get the problems of the workspace'],
    ];
    for (const [name, args, words] of cases) {
      const parsed = parseToolCall(call(name, args));
      assert.ok(parsed.ok, `${name} ${args}`);
      assert.equal(describeRequest(parsed.request), words);
    }
  });

  it('turns bad calls into messages for the model', () => {
    const unknown = parseToolCall(call('rm_rf', '{}'));
    assert.ok(!unknown.ok && /no tool named "rm_rf"/.test(unknown.error));
    const json = parseToolCall(call('read_file', '{"path":'));
    assert.ok(!json.ok && /not valid JSON/.test(json.error));
    const missing = parseToolCall(call('read_file', '{"startLine":2}'));
    assert.ok(!missing.ok && /path/.test(missing.error));
    const backwards = parseToolCall(call('read_file', '{"path":"a","startLine":9,"endLine":2}'));
    assert.ok(!backwards.ok && /endLine is before startLine/.test(backwards.error));
  });

  it('offers workspace tools only to models whose /models entry lists tools; web search on request', () => {
    const models = mapModelList(MODELS_FIXTURE);
    const byId = (id: string) => models.find((model) => model.id === id);
    assert.equal(modelSupportsTools(byId('openai/gpt-oss-120b')), true);
    assert.equal(modelSupportsTools(byId('openai/gpt-oss-20b:free')), false);
    assert.equal(toolsForRequest(byId('openai/gpt-oss-20b:free'), { workspaceTools: true, webSearch: false }), undefined);
    assert.deepEqual(toolsForRequest(byId('openai/gpt-oss-20b:free'), { workspaceTools: true, webSearch: true }), [WEB_SEARCH_TOOL]);
    assert.equal(toolsForRequest(byId('openai/gpt-oss-120b'), { workspaceTools: true, webSearch: false })?.length, WORKSPACE_TOOLS.length);
    assert.equal(toolsForRequest(undefined, { workspaceTools: true, webSearch: false }), undefined);
  });
});
