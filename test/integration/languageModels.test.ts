/**
 * Issue 20: another extension (test/lmConsumer, loaded beside ours by the runner) uses OpenRouter
 * through `vscode.lm` only: it sees the /models list, streamed text, tool calls, its cancellation
 * closing the socket, and our errors as LanguageModelErrors.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LM_CONSUMER_ID, type ConsumerModel, type LmConsumerApi } from '../lmConsumer/api';
import { MODELS_FIXTURE } from '../server/modelsFixture';
import { startOpenRouterServer, type MockOpenRouter } from '../server/openRouterServer';
// gpt-tokenizer's own o200k, as reference for what the shipped bundle counts from its ranks file.
import { countTokens as o200kCount } from 'gpt-tokenizer/encoding/o200k_base';
import { TEST_API_KEY } from '../support/testKey';
import { extensionApi, resetSettings, restoreWindow, serverLogLines, setSetting, stubWindow, useLocalServer, withEnv } from './support';

const MODEL = 'openai/gpt-oss-120b';

async function consumerApi(): Promise<LmConsumerApi> {
  const consumer = vscode.extensions.getExtension<LmConsumerApi>(LM_CONSUMER_ID);
  assert.ok(consumer, `${LM_CONSUMER_ID} is not loaded: the runner must pass it as a second extensionDevelopmentPath`);
  return consumer.activate();
}

/** Asks for the model list until `accept` takes it (the editor refreshes it asynchronously). */
async function modelsUntil(consumer: LmConsumerApi, what: string, accept: (models: ConsumerModel[]) => boolean): Promise<ConsumerModel[]> {
  const deadline = Date.now() + 20_000;
  let last: ConsumerModel[] = [];
  while (Date.now() < deadline) {
    last = await consumer.models();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last list: ${last.map((m) => m.id).join(', ') || '(empty)'}`);
}

const ids = (models: ConsumerModel[]) => models.map((m) => m.id).sort();

describe('OpenRouter models through vscode.lm, seen by another extension', function () {
  this.timeout(60_000);
  let consumer: LmConsumerApi;
  let server: MockOpenRouter;
  let previousEnvKey: string | undefined;

  before(async () => {
    await extensionApi();
    consumer = await consumerApi();
    server = await useLocalServer();
    // The stored key, as a user sets it: the provider hears of it and refreshes the editor's list.
    previousEnvKey = process.env.OPENROUTER_API_KEY;
    delete process.env.OPENROUTER_API_KEY;
    stubWindow('showInputBox', async () => TEST_API_KEY);
    stubWindow('showInformationMessage', async () => undefined);
    assert.equal(await vscode.commands.executeCommand('openrouterChat.setApiKey'), true);
    restoreWindow();
  });
  afterEach(async () => {
    restoreWindow();
    await setSetting('languageModels', undefined);
    await setSetting('providerSort', undefined);
  });
  after(async () => {
    await vscode.commands.executeCommand('openrouterChat.clearApiKey');
    if (previousEnvKey !== undefined) process.env.OPENROUTER_API_KEY = previousEnvKey;
    await resetSettings();
    await server.close();
  });

  it('lists the models of /models, narrowed by openrouterChat.languageModels', async () => {
    await setSetting('languageModels', ['*']);
    const all = await modelsUntil(consumer, 'every model of /models', (models) => models.length === MODELS_FIXTURE.data.length);
    assert.deepEqual(ids(all), MODELS_FIXTURE.data.map((m) => m.id).sort());
    const claude = all.find((m) => m.id === 'anthropic/claude-sonnet-4.5');
    assert.deepEqual(claude && { vendor: claude.vendor, name: claude.name, family: claude.family, maxInputTokens: claude.maxInputTokens }, {
      vendor: 'openrouter',
      name: 'Anthropic: Claude Sonnet 4.5',
      family: 'claude-sonnet-4.5',
      maxInputTokens: 1_000_000 - 64_000,
    });

    await setSetting('languageModels', ['mistralai/*']);
    await modelsUntil(consumer, 'only the mistralai model', (models) => ids(models).join() === 'mistralai/mistral-small-3.2-24b-instruct');

    // The default: the configured model, plus the ones picked recently.
    await setSetting('languageModels', undefined);
    await setSetting('model', 'openai/gpt-oss-20b:free');
    // Other suites of this run switch the model too, and every switch counts as a recent pick, so
    // the list is checked for what it must and must not hold, not for an exact set.
    const offered = await modelsUntil(consumer, 'the configured and the recent model', (models) => {
      const list = ids(models);
      return list.includes('openai/gpt-oss-20b:free') && list.includes('openai/gpt-oss-120b');
    });
    // Which models count as recent depends on the suites before this one (every one of them may
    // have been picked by now), so the narrowing is shown with the configured model alone.
    assert.ok(offered.length >= 2, `the configured and the recent models: ${ids(offered).join(', ')}`);
    await setSetting('languageModels', ['@configured']);
    await modelsUntil(consumer, 'only the configured model', (models) => ids(models).join() === 'openai/gpt-oss-20b:free');
    await setSetting('languageModels', undefined);
    await setSetting('model', undefined);
  });

  it('streams the answer in parts, with the reasoning as a thinking part, under our settings', async () => {
    await setSetting('providerSort', 'price');
    await setSetting('fallbackModels', ['mistralai/mistral-small-3.2-24b-instruct']);
    const answer = await consumer.ask(MODEL, 'Hello there');
    assert.equal(answer.error, undefined);
    assert.ok(answer.textParts.length > 1, `expected a streamed answer, got ${answer.textParts.length} part(s)`);
    assert.match(answer.textParts.join(''), /```ts/);
    assert.ok(answer.otherParts.length > 0 && answer.otherParts.every((kind) => kind === 'thinking'), `parts besides text: ${answer.otherParts.join(', ')}`);
    const body = server.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body as Record<string, unknown>;
    assert.equal(body['model'], MODEL);
    assert.deepEqual(body['provider'], { sort: 'price' });
    assert.deepEqual(body['reasoning'], { effort: 'medium' });
    assert.deepEqual(body['messages'], [{ role: 'user', content: 'Hello there' }]);
    assert.deepEqual(body['models'], ['mistralai/mistral-small-3.2-24b-instruct'], 'the fallback models are not sent');
    assert.match(String(body['session_id']), /^lm-[0-9a-f]{32}$/, 'no session_id for the conversation');
    await setSetting('fallbackModels', undefined);
  });

  it('passes the tools and returns the streamed tool call whole', async () => {
    server.enqueue('tool-call');
    const answer = await consumer.ask(MODEL, 'Read a.ts', { withTool: true });
    assert.equal(answer.error, undefined);
    assert.deepEqual(answer.toolCalls, [{ callId: 'call_1', name: 'read_file', input: { path: 'src/a.ts' } }]);
    const body = server.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body as { tools?: { function: { name: string } }[] };
    assert.deepEqual(body.tools?.map((tool) => tool.function.name), ['read_file']);
  });

  it("the caller's cancellation stops the request: the socket closes", async () => {
    // A server of its own, so no other connection's close can be taken for this one.
    const own = await startOpenRouterServer({ log: (line) => serverLogLines.push(line) });
    try {
      await setSetting('baseUrl', own.baseUrl);
      const closedBefore = own.closedConnections();
      const answer = await consumer.ask(MODEL, '[[mock:slow-drip count=2000 delayMs=50]]', { cancelAfterFirstText: true });
      await own.waitForClose(closedBefore, 30_000);
      assert.ok(answer.textParts.length >= 1 && answer.textParts.length < 2000, `${answer.textParts.length} parts arrived`);
    } finally {
      await setSetting('baseUrl', server.baseUrl);
      await own.close();
    }
  });

  it('reports a 401 as LanguageModelError NoPermissions with our message, never the key', async () => {
    server.enqueue('http-401');
    const answer = await consumer.ask(MODEL, 'Hello');
    assert.ok(answer.error, 'the request did not fail');
    assert.equal(answer.error.code, 'NoPermissions');
    assert.match(answer.error.message, /OpenRouter did not accept the API key/);
    assert.ok(!answer.error.message.includes(TEST_API_KEY));
  });

  it('counts tokens as the extension does elsewhere: by the model family\'s encoding once it is loaded', async () => {
    const text = 'Hello world, these words are counted by o200k.';
    // The encoding loads after the first count; until then the character estimate answers.
    const deadline = Date.now() + 30_000;
    let counted = await consumer.countTokens(MODEL, text);
    while (counted !== o200kCount(text) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      counted = await consumer.countTokens(MODEL, text);
    }
    assert.equal(counted, o200kCount(text));
  });

  it('offers no models without a key', async () => {
    await withEnv('OPENROUTER_API_KEY', undefined, async () => {
      await vscode.commands.executeCommand('openrouterChat.clearApiKey');
      await modelsUntil(consumer, 'an empty list', (models) => models.length === 0);
    });
  });
});
