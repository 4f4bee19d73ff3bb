/**
 * One answer's run, from the request leaving to the answer settled as done, stopped or failed:
 * prepare the request (Stop cancels even a slow prepare), stream its deltas to the view, take
 * the final turn or the partial one, post `streamEnd` and save. Also how a Compact run settles.
 *
 * The run holds no session state of its own. It works on the chat and message the session hands
 * it and reaches everything else (the view, saving, the tool loop, this window's copy of a chat)
 * through `AnswerRunHost`, so ChatSession stays the one owner of the conversation.
 */
import type { AnswerStats, HostMessage } from '../../shared/protocol';
import { OpenRouterError } from '../openrouter/errors';
import type { OpenRouterClient } from '../openrouter/client';
import type { AssistantTurn, ModelInfo, StreamEvent } from '../openrouter/types';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import type { BilledFigures } from './billedFigures';
import type { ToolAnswers } from '../tools/toolAnswers';
import type { compactionFailure as CompactionFailureFn } from './compaction';
import { answerStats, type AnswerTimings } from './answerStats';
import { cutOffReason, markRevised, removeMessage, toMessageView, type Chat, type StoredMessage } from './chat';
import { DeltaBatcher } from './deltaBatcher';
import { errorViewOf } from './errorView';
import type { AnswerOutcome, ChatModelChoice, ChatSessionHost, PrepareResult, SendOptions } from './chatSession';

/** What a run needs from the session that owns the chats. */
export interface AnswerRunHost {
  post(message: HostMessage): void;
  prepare: ChatSessionHost['prepare'];
  log(line: string): void;
  now(): number;
  readonly tools: Pick<ToolAnswers, 'complete'>;
  readonly billed: Pick<BilledFigures, 'follow'>;
  /** Saves the chat; a failure is told to the user, never thrown. */
  persist(chat: Chat): Promise<void>;
  /** `streamEnd` is about to be posted for this answer: it is over for the user, only the save runs. */
  answerEnded(messageId: string): void;
  /** This window's copy of a chat, if it still holds one. */
  ourCopy(chatId: string): Chat | undefined;
  /** Redraws the view if `chat` is the open one. */
  showIfOpen(chat: Chat): void;
}

/** What to stream: `assistant` is already in `chat`; without `user` (Compact) no `streamStart` is posted. */
export interface AnswerRequest {
  readonly chat: Chat;
  readonly user: StoredMessage | undefined;
  readonly assistant: StoredMessage;
  readonly turns: ConversationTurn[];
  readonly options: SendOptions;
}

/** A started run: Stop aborts it, the batcher holds deltas not yet posted, `done` settles after `settle`. */
export interface StartedAnswer {
  readonly abort: AbortController;
  readonly batcher: DeltaBatcher;
  readonly done: Promise<AnswerOutcome>;
}

/** Starts streaming `request.assistant`; `settle` runs after the answer is saved, before `done` resolves. */
export function startAnswer(host: AnswerRunHost, request: AnswerRequest, settle?: () => Promise<void>): StartedAnswer {
  const { chat, assistant } = request;
  const abort = new AbortController();
  const batcher = new DeltaBatcher((delta) => host.post({ type: 'streamDelta', chatId: chat.id, messageId: assistant.id, ...delta }));
  const done = streamAnswer(host, request, abort.signal, batcher).then(async (outcome) => {
    await settle?.();
    return outcome;
  });
  return { abort, batcher, done };
}

async function streamAnswer(host: AnswerRunHost, { chat, user, assistant, turns, options }: AnswerRequest, signal: AbortSignal, batcher: DeltaBatcher): Promise<AnswerOutcome> {
  if (user) host.post({ type: 'streamStart', chatId: chat.id, user: toMessageView(user), assistant: toMessageView(assistant) });
  void host.persist(chat);
  let model = '';
  let provider: string | undefined;
  let modelInfo: ModelInfo | undefined;
  let client: OpenRouterClient | undefined;

  const onEvent = (event: StreamEvent): void => {
    if (event.type === 'reasoning' && event.text) {
      assistant.reasoning = (assistant.reasoning ?? '') + event.text;
      batcher.addReasoning(event.text);
    } else if (event.type === 'content' && event.text) {
      assistant.content += event.text;
      batcher.addContent(event.text);
    } else if (event.type === 'meta') {
      model = event.model ?? model;
      provider = event.provider ?? provider;
    }
    options.onEvent?.(event);
  };

  try {
    const prepared = await unlessStopped(
      host.prepare(turns, signal, {
        ...(options.webSearch ? { webSearch: true } : {}),
        ...(options.workspaceTools === false ? { workspaceTools: false } : {}),
        chat: { chatId: chat.id, ...(chat.parameters ? { parameters: chat.parameters } : {}) },
        choice: modelChoiceOf(chat),
      }),
      signal,
    );
    if (prepared.kind !== 'ready') return await endUnsent(host, chat, assistant, prepared);
    model = prepared.request.model;
    modelInfo = prepared.model;
    client = prepared.client;
    if (prepared.notice) host.post({ type: 'notice', level: 'info', text: prepared.notice });
    const turn = await host.tools.complete(prepared, { chatId: chat.id, assistant, signal, onEvent, save: () => void host.persist(chat) });
    batcher.flush();
    assistant.content = turn.content;
    assistant.reasoning = turn.reasoning || undefined;
    if (turn.reasoningDetails.length) assistant.reasoningDetails = turn.reasoningDetails;
    if (turn.logprobs?.length) assistant.logprobs = turn.logprobs;
    if (turn.toolCalls.length) assistant.toolCalls = turn.toolCalls;
    const cutOff = cutOffReason(turn.finishReason);
    if (cutOff) assistant.cutOff = cutOff;
    assistant.status = 'done';
    assistant.stats = answerStats(turn.model ?? model, turn.provider ?? provider, turn.usage, timingsOf(turn), modelInfo);
  } catch (error) {
    batcher.flush();
    const partial = error instanceof OpenRouterError ? error.partial : undefined;
    if (partial) {
      // The client's assembled partial is authoritative (it saw every event), ours is a fallback.
      assistant.content = partial.content || assistant.content;
      assistant.reasoning = partial.reasoning || assistant.reasoning;
      if (partial.reasoningDetails.length) assistant.reasoningDetails = partial.reasoningDetails;
      if (partial.logprobs?.length) assistant.logprobs = partial.logprobs;
    }
    const aborted = (error instanceof OpenRouterError && error.kind === 'aborted') || signal.aborted;
    assistant.status = aborted ? 'stopped' : 'error';
    if (!aborted) assistant.error = errorViewOf(error);
    if (partial) {
      const timings = timingsOf(partial);
      assistant.stats = answerStats(model, provider, partial.usage, timings, modelInfo);
      // Billed although no usage chunk came: the figures follow from /generation.
      if (!partial.usage && partial.generationId && client) {
        host.billed.follow(client, partial.generationId, (report) =>
          billedFiguresArrived(host, chat.id, assistant.id, answerStats(model || report.model || '', provider ?? report.provider, report.usage, timings, modelInfo)),
        );
      }
    }
    host.log(`answer ${assistant.status}: ${assistant.error?.kind ?? 'stopped by user'} (model ${model || 'unknown'})`);
  } finally {
    batcher.dispose();
  }
  if (!assistant.reasoning) delete assistant.reasoning;
  return endAnswer(host, chat, assistant);
}

/** The request never left: refused (the answer shows why) or stopped while it was prepared. */
async function endUnsent(host: AnswerRunHost, chat: Chat, assistant: StoredMessage, result: Exclude<PrepareResult, { kind: 'ready' }>): Promise<AnswerOutcome> {
  if (result.kind === 'refused') {
    assistant.status = 'error';
    assistant.error = result.error;
    host.log(`answer not sent: ${result.error.kind}`);
  } else {
    assistant.status = 'stopped';
    host.log('answer not sent: stopped while the request was prepared');
  }
  return endAnswer(host, chat, assistant);
}

/** The answer is settled: dated, shown as ended, saved. */
async function endAnswer(host: AnswerRunHost, chat: Chat, assistant: StoredMessage): Promise<AnswerOutcome> {
  markRevised(assistant, host.now());
  chat.updatedAt = host.now();
  host.answerEnded(assistant.id);
  host.post({ type: 'streamEnd', chatId: chat.id, message: toMessageView(assistant) });
  await host.persist(chat);
  return { message: assistant, chatId: chat.id };
}

/** A stopped or failed answer's billed figures came: shown, counted and saved with it. */
function billedFiguresArrived(host: AnswerRunHost, chatId: string, messageId: string, stats: AnswerStats): void {
  const chat = host.ourCopy(chatId);
  const message = chat?.messages.find((candidate) => candidate.id === messageId);
  // Deleted, regenerated or resumed since: these figures belong to nothing shown any more.
  if (!chat || !message || (message.status !== 'stopped' && message.status !== 'error')) return;
  message.stats = stats;
  chat.updatedAt = host.now();
  host.post({ type: 'answerStats', chatId, messageId, stats });
  void host.persist(chat);
}

/** A summary that did not complete is taken out again; either way the view is redrawn (marks or removal). */
export async function settleCompaction(host: AnswerRunHost, chat: Chat, summary: StoredMessage, compactionFailure: typeof CompactionFailureFn): Promise<void> {
  const failure = compactionFailure(summary);
  if (failure) {
    removeMessage(chat, summary.id);
    host.post({ type: 'notice', level: failure.level, text: failure.text, actions: failure.actions });
    await host.persist(chat);
  }
  host.showIfOpen(chat);
}

function modelChoiceOf(chat: Chat): ChatModelChoice {
  return { ...(chat.model ? { model: chat.model } : {}), ...(chat.reasoningEffort ? { reasoningEffort: chat.reasoningEffort } : {}) };
}

/**
 * The answer's clock is the client's (one clock for every figure, see OpenRouterClientOptions.clock;
 * the session's own `now` only dates messages and chats): it starts when the request
 * leaves, after preparing, so waiting for the model list or a cost question is not counted as
 * the model's time to first token.
 */
function timingsOf(turn: AssistantTurn): AnswerTimings {
  const { startedAt, firstTokenAt, firstContentAt, endedAt } = turn.timings;
  return {
    sentAt: startedAt,
    ...(turn.reasoning && firstTokenAt !== undefined ? { firstReasoningAt: firstTokenAt } : {}),
    ...(firstContentAt !== undefined ? { firstContentAt } : {}),
    // The client marks every turn it returns or throws as ended; without a mark there is no
    // duration, rather than one read from another clock.
    endedAt: endedAt ?? startedAt,
  };
}

/** The prepared request, or `cancelled` as soon as Stop fires (a slow /models or a dialog must not hold it). */
function unlessStopped(preparing: Promise<PrepareResult>, signal: AbortSignal): Promise<PrepareResult> {
  const cancelled: PrepareResult = { kind: 'cancelled' };
  if (signal.aborted) return Promise.resolve(cancelled);
  return new Promise<PrepareResult>((resolve, reject) => {
    const onStop = (): void => resolve(cancelled);
    signal.addEventListener('abort', onStop, { once: true });
    preparing.then(resolve, reject).finally(() => signal.removeEventListener('abort', onStop));
  });
}
