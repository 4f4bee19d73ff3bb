/**
 * Issue 20: `@openrouter` in VS Code's chat. The chat view itself is off in the test workbench
 * (chat.disableAIFeatures), so the participant's handler is driven directly, with a recording
 * response stream, against the local server through our real client.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OpenRouterClient } from '../../src/core/openrouter/client';
import { buildChatRequest } from '../../src/core/openrouter/requestBuilder';
import { answerInChat, type ParticipantDeps, type ParticipantStream } from '../../src/extension/languageModels/chatParticipant';
import type { Log } from '../../src/extension/log';
import { startOpenRouterServer, type MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { serverLogLines } from './support';

interface RecordingStream {
  readonly stream: ParticipantStream;
  readonly progress: string[];
  readonly markdown: string[];
  /** Called with each markdown part as it arrives. */
  onMarkdown?: () => void;
}

function recordingStream(): RecordingStream {
  const recording: RecordingStream = {
    progress: [],
    markdown: [],
    stream: {
      progress: (value: string) => void recording.progress.push(value),
      markdown: (value: string | vscode.MarkdownString) => {
        recording.markdown.push(typeof value === 'string' ? value : value.value);
        recording.onMarkdown?.();
      },
    },
  };
  return recording;
}

const quietLog: Log = { info: () => undefined, warn: () => undefined, error: () => undefined, setKnownSecrets: () => undefined, channel: undefined as never };

describe('@openrouter chat participant', function () {
  this.timeout(60_000);
  let server: MockOpenRouter;
  let deps: ParticipantDeps;
  const sent: unknown[] = [];

  before(async () => {
    server = await startOpenRouterServer({ log: (line) => serverLogLines.push(line) });
    const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY });
    deps = {
      log: quietLog,
      prepare: async (turns) => {
        sent.push(turns);
        return { kind: 'ready', client, request: buildChatRequest(turns, { model: 'openai/gpt-oss-120b', reasoningEffort: 'low' }) };
      },
    };
  });
  after(() => server.close());

  it('streams the answer as markdown after the reasoning shown as progress, with its own history', async () => {
    const stream = recordingStream();
    const history = [
      { kind: 'request', participant: 'openrouterChat.participant', prompt: 'Hi' },
      { kind: 'response', participant: 'openrouterChat.participant', markdown: 'Hello!' },
    ] as const;
    const result = await answerInChat(deps, 'Show me code', history, stream.stream, new vscode.CancellationTokenSource().token);
    assert.deepEqual(result, {});
    assert.equal(stream.progress[0], 'Thinking…');
    assert.ok(stream.markdown.length > 1, 'the answer did not stream');
    assert.match(stream.markdown.join(''), /```ts/);
    assert.deepEqual(sent.at(-1), [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: 'Show me code' },
    ]);
  });

  it('reports a 401 with our message, and stops on cancellation (the socket closes)', async () => {
    server.enqueue('http-401');
    const failed = await answerInChat(deps, 'Hello', [], recordingStream().stream, new vscode.CancellationTokenSource().token);
    assert.match(failed.errorDetails?.message ?? '', /OpenRouter did not accept the API key/);

    const cancellation = new vscode.CancellationTokenSource();
    const stream = recordingStream();
    const closedBefore = server.closedConnections();
    stream.onMarkdown = () => cancellation.cancel();
    const stopped = await answerInChat(deps, '[[mock:slow-drip count=2000 delayMs=50]]', [], stream.stream, cancellation.token);
    assert.deepEqual(stopped, {});
    await server.waitForClose(closedBefore, 30_000);
    assert.ok(stream.markdown.length < 2000);
  });
});
