import * as assert from 'node:assert/strict';
import { OpenRouterError } from '../../../src/core/openrouter/errors';
import { loadSseParser, type CreateSseParser } from '../../../src/core/openrouter/sseParser';
import { StreamProcessor } from '../../../src/core/openrouter/streamProcessor';
import type { AssistantTurn, StreamEvent } from '../../../src/core/openrouter/types';
import { DEFAULT_ANSWER, DEFAULT_REASONING } from '../../server/answerContent';
import { renderScriptBody } from '../../server/scriptBody';
import { ChunkFactory, DOC_ERROR_AFTER_START, DOC_NORMAL_TURN, DOC_TOOL_CALL, sseData, SSE_DONE } from '../../server/transcripts';
import { seededRandom } from '../../support/index';

interface Outcome {
  events: StreamEvent[];
  turn: AssistantTurn;
  error?: { kind: string; message: string };
}

let createParser: CreateSseParser;

/** Feeds the pieces the way the client does (push, then end) and records everything. */
function run(pieces: readonly Uint8Array[]): Outcome {
  const processor = new StreamProcessor(createParser);
  const events: StreamEvent[] = [];
  try {
    for (const piece of pieces) {
      events.push(...processor.push(piece));
      processor.throwIfFailed();
    }
    events.push(...processor.end());
  } catch (error) {
    assert.ok(error instanceof OpenRouterError, `unexpected ${String(error)}`);
    assert.equal(error.partial, processor.assembler.turn, 'errors carry the partial turn');
    return { events, turn: withoutTimings(processor.assembler.turn), error: { kind: error.kind, message: error.message } };
  }
  return { events, turn: withoutTimings(processor.assembler.turn) };
}

function withoutTimings(turn: AssistantTurn): AssistantTurn {
  return { ...turn, timings: { startedAt: 0 } };
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function splitAt(body: Uint8Array, positions: readonly number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const position of [...positions, body.length]) {
    pieces.push(body.subarray(from, position));
    from = position;
  }
  return pieces;
}

/** Every two-piece split, and byte by byte: all must equal the one-piece reading. */
function assertSplitInvariant(name: string, text: string): Outcome {
  const body = bytes(text);
  const reference = run([body]);
  for (let position = 1; position < body.length; position++) {
    assert.deepEqual(run(splitAt(body, [position])), reference, `${name}: split at byte ${position}`);
  }
  const everyByte = Array.from({ length: body.length - 1 }, (_, i) => i + 1);
  assert.deepEqual(run(splitAt(body, everyByte)), reference, `${name}: byte by byte`);
  return reference;
}

describe('OpenRouter stream processor (bytes in, events out)', () => {
  before(async () => {
    createParser = await loadSseParser();
  });

  describe('gives identical events however the body is split', () => {
    it('the doc normal turn, split at every byte position', () => {
      const outcome = assertSplitInvariant('doc normal turn', DOC_NORMAL_TURN);
      assert.equal(outcome.error, undefined);
      assert.equal(outcome.turn.content, '2 + 2 = 4.');
      assert.equal(outcome.turn.reasoning, 'User asks 2+2.', 'reasoning sent in both fields is shown once');
      assert.deepEqual(outcome.turn.reasoningDetails, [{ type: 'reasoning.text', text: 'User asks 2+2.', format: 'unknown', index: 0 }]);
      assert.deepEqual(outcome.turn.usage, { promptTokens: 12, completionTokens: 15, totalTokens: 27, cachedTokens: 0, reasoningTokens: 8, costUsd: 0.0000034 });
      assert.equal(outcome.turn.finishReason, 'stop');
      assert.equal(outcome.turn.generationId, 'gen-1');
      assert.equal(outcome.turn.provider, 'Cerebras');
      assert.deepEqual(outcome.events.map((e) => e.type), ['meta', 'reasoning', 'reasoningDetails', 'content', 'finish', 'usage']);
    });

    it('the doc tool call, split at every byte position', () => {
      const outcome = assertSplitInvariant('doc tool call', DOC_TOOL_CALL);
      assert.deepEqual(outcome.turn.toolCalls, [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"src/a.ts"}' } }]);
      assert.equal(outcome.turn.finishReason, 'tool_calls');
      assert.equal(outcome.error, undefined);
    });

    it('the doc error after start, split at every byte position', () => {
      const outcome = assertSplitInvariant('doc error', DOC_ERROR_AFTER_START);
      assert.equal(outcome.error?.kind, 'midStream');
      assert.match(outcome.error?.message ?? '', /Rate limit exceeded/);
    });

    const shortScripts = [
      'default', 'echo', 'tool-call', 'doc-transcript', 'reasoning-only-length', 'comments', 'crlf', 'utf8-split',
      'midstream-error-number', 'midstream-error-string', 'midstream-native-error', 'midstream-choice-error',
    ];
    for (const name of shortScripts) {
      it(`the "${name}" script, split at every byte position`, function () {
        this.timeout(60_000);
        const outcome = assertSplitInvariant(name, renderScriptBody(name));
        assert.ok(outcome.events.length > 0);
      });
    }

    it('the "long-markdown" script, at 25 seeded random splittings', function () {
      this.timeout(60_000);
      const body = bytes(renderScriptBody('long-markdown', { tokens: 3000 }));
      const reference = run([body]);
      assert.ok(reference.turn.content.includes('| Setting | Default | Why |'));
      for (let seed = 1; seed <= 25; seed++) {
        const random = seededRandom(seed);
        const positions: number[] = [];
        for (let at = 1 + Math.floor(random() * 40); at < body.length; at += 1 + Math.floor(random() * 40)) positions.push(at);
        assert.deepEqual(run(splitAt(body, positions)), reference, `seed ${seed}`);
      }
    });
  });

  describe('reads every wire variant', () => {
    const factory = new ChunkFactory('gen-x');

    it('assembles the default script exactly', () => {
      const { turn, error } = run([bytes(renderScriptBody('default'))]);
      assert.equal(error, undefined);
      assert.equal(turn.content, DEFAULT_ANSWER.join(''));
      assert.equal(turn.reasoning, DEFAULT_REASONING.join(''));
      // Two detail fragments of the same item are merged into one, in order.
      assert.deepEqual(turn.reasoningDetails, [{ type: 'reasoning.text', text: `${DEFAULT_REASONING[0]}${DEFAULT_REASONING[1]}`, format: 'unknown', index: 0 }]);
    });

    it('accepts usage on the finishing chunk and again on an empty-choices chunk (last wins, no double count)', () => {
      const finishWithUsage = { ...factory.finish('stop'), usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 } };
      const body = sseData(factory.content('Hi')) + sseData(finishWithUsage) + sseData(factory.usage({ prompt_tokens: 5, completion_tokens: 2, total_tokens: 7, cost: 0.01 })) + SSE_DONE;
      const { turn, events } = run([bytes(body)]);
      assert.deepEqual(turn.usage, { promptTokens: 5, completionTokens: 2, totalTokens: 7, costUsd: 0.01 });
      assert.equal(events.filter((e) => e.type === 'usage').length, 2);
    });

    it('takes usage from the finishing chunk when no other comes', () => {
      const body = sseData(factory.content('Hi')) + sseData({ ...factory.finish('stop'), usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 } }) + SSE_DONE;
      assert.equal(run([bytes(body)]).turn.usage?.totalTokens, 6);
    });

    it('keeps reasoning and content that share one delta', () => {
      const body = sseData(factory.delta({ reasoning: 'think ', content: 'answer' })) + SSE_DONE;
      const { turn, events } = run([bytes(body)]);
      assert.equal(turn.reasoning, 'think ');
      assert.equal(turn.content, 'answer');
      assert.deepEqual(events.slice(1).map((e) => e.type), ['reasoning', 'content']);
    });

    it('shows the text of details when no reasoning string comes, and keeps encrypted items', () => {
      const details = [
        { type: 'reasoning.summary', summary: 'Summary one. ', id: 'rs_1', format: 'openai-responses-v1', index: 0 },
        { type: 'reasoning.encrypted', data: '[REDACTED]', id: 'rs_1', format: 'openai-responses-v1', index: 1 },
      ];
      const body = sseData(factory.delta({ reasoning_details: details })) + sseData(factory.content('Done.')) + SSE_DONE;
      const { turn } = run([bytes(body)]);
      assert.equal(turn.reasoning, 'Summary one. ');
      assert.deepEqual(turn.reasoningDetails, details);
    });

    it('ignores comments, a proxy re-emitting the comment as data, and data after [DONE]', () => {
      const body = ': OPENROUTER PROCESSING\n\ndata: : OPENROUTER PROCESSING\n\n' + sseData(factory.content('ok')) + SSE_DONE + sseData(factory.content(' late'));
      const { turn, error } = run([bytes(body)]);
      assert.equal(error, undefined);
      assert.equal(turn.content, 'ok');
    });

    it('accepts a final [DONE] without its blank line', () => {
      const { turn, error } = run([bytes(sseData(factory.content('ok')) + 'data: [DONE]')]);
      assert.equal(error, undefined);
      assert.equal(turn.content, 'ok');
    });

    it('assembles parallel tool calls that arrive whole and out of order, cleaning harmony tokens from names', () => {
      const call = (index: number, id: string, name: string, args: string) => ({ index, id, type: 'function', function: { name, arguments: args } });
      const body = sseData(factory.delta({ tool_calls: [call(1, 'call_b', 'list_dir', '{"path":"."}')] }))
        + sseData(factory.delta({ tool_calls: [call(0, 'call_a', 'read_file<|channel|>commentary', '{"path":"a"}')] }))
        + sseData(factory.finish('tool_calls')) + SSE_DONE;
      const { turn } = run([bytes(body)]);
      assert.deepEqual(turn.toolCalls.map((c) => [c.id, c.function.name, c.function.arguments]), [
        ['call_a', 'read_file', '{"path":"a"}'],
        ['call_b', 'list_dir', '{"path":"."}'],
      ]);
    });

    it('reports a stream without [DONE] as cut off, keeping the partial answer', () => {
      const outcome = run([bytes(sseData(factory.reasoning('hmm', true)) + sseData(factory.content('Half an ans')))]);
      assert.equal(outcome.error?.kind, 'streamCut');
      assert.equal(outcome.turn.content, 'Half an ans');
      assert.equal(outcome.turn.reasoning, 'hmm');
    });

    it('reports an unterminated last event as cut off, not as bad JSON', () => {
      const outcome = run([bytes(sseData(factory.content('a')) + 'data: {"choices":[{"delta":{"content":"b')]);
      assert.equal(outcome.error?.kind, 'streamCut');
    });

    it('reports finish_reason "length" with no content as an empty answer', () => {
      const outcome = run([bytes(renderScriptBody('reasoning-only-length'))]);
      assert.equal(outcome.error?.kind, 'emptyAnswer');
      assert.match(outcome.error?.message ?? '', /openrouterChat\.maxTokens/);
      assert.ok(outcome.turn.reasoning.length > 100, 'the reasoning is kept');
    });

    it('returns the events before a mid-stream error, then the error', () => {
      const processor = new StreamProcessor(createParser);
      const events = processor.push(bytes(renderScriptBody('midstream-error-string')));
      assert.ok(events.some((e) => e.type === 'content'));
      assert.throws(() => processor.throwIfFailed(), (error: unknown) => error instanceof OpenRouterError && error.code === 'server_error');
    });

    for (const [name, code] of [['midstream-error-number', 502], ['midstream-error-string', 'server_error'], ['midstream-choice-error', 503]] as const) {
      it(`reads the error code of "${name}" (${typeof code})`, () => {
        const processor = new StreamProcessor(createParser);
        processor.push(bytes(renderScriptBody(name)));
        assert.throws(() => processor.throwIfFailed(), (error: unknown) => error instanceof OpenRouterError && error.kind === 'midStream' && error.code === code);
      });
    }

    for (const native of ['error', 'network_error']) {
      it(`treats native_finish_reason "${native}" without an error object as a failure`, () => {
        const outcome = run([bytes(renderScriptBody('midstream-native-error', { native }))]);
        assert.equal(outcome.error?.kind, 'midStream');
        assert.match(outcome.error?.message ?? '', new RegExp(native));
        assert.equal(outcome.turn.content, `${DEFAULT_ANSWER[0]}${DEFAULT_ANSWER[1]}`);
      });
    }

    it('reports an event that is not JSON', () => {
      const outcome = run([bytes('data: {not json\n\n')]);
      assert.equal(outcome.error?.kind, 'midStream');
      assert.match(outcome.error?.message ?? '', /not valid JSON/);
    });
  });
});
