/**
 * `@openrouter` in VS Code's chat view: answers with our client, key and settings (the same
 * request the sidebar sends, system prompt and cost guard included), reasoning shown as progress.
 * `index.ts` registers the participant and loads this module for its first answer.
 */
import * as vscode from 'vscode';
import { conversationFromHistory, type HistoryTurn } from '../../core/languageModels/chatHistory';
import { errorViewOf } from '../../core/chat/errorView';
import type { PrepareResult } from '../../core/chat/chatSession';
import { ThoughtProgress } from '../../core/languageModels/thoughtProgress';
import type { ConversationTurn } from '../../core/openrouter/requestBuilder';
import type { Log } from '../log';

import { CHAT_PARTICIPANT_ID } from './ids';

export interface ParticipantDeps {
  /** `signal` is the chat's cancellation: preparing (the model list, the cost question) stops with it. */
  readonly prepare: (turns: ConversationTurn[], signal: AbortSignal) => Promise<PrepareResult>;
  readonly log: Log;
}

export function historyOf(context: vscode.ChatContext): HistoryTurn[] {
  return context.history.map((turn): HistoryTurn => {
    if (turn instanceof vscode.ChatRequestTurn) return { kind: 'request', participant: turn.participant, prompt: turn.prompt };
    const markdown = turn.response.map((part) => (part instanceof vscode.ChatResponseMarkdownPart ? part.value.value : '')).join('');
    return { kind: 'response', participant: turn.participant, markdown };
  });
}

/** The part of the stream the participant writes to, so tests can record it. */
export type ParticipantStream = Pick<vscode.ChatResponseStream, 'markdown' | 'progress'>;

export async function answerInChat(
  deps: ParticipantDeps,
  prompt: string,
  history: readonly HistoryTurn[],
  stream: ParticipantStream,
  token: vscode.CancellationToken,
): Promise<vscode.ChatResult> {
  const controller = new AbortController();
  const cancellation = token.onCancellationRequested(() => controller.abort());
  if (token.isCancellationRequested) controller.abort();
  const prepared = await deps.prepare(conversationFromHistory(history, CHAT_PARTICIPANT_ID, prompt), controller.signal);
  if (prepared.kind === 'cancelled') {
    cancellation.dispose();
    return {};
  }
  if (prepared.kind === 'refused') {
    cancellation.dispose();
    return { errorDetails: { message: prepared.error.message } };
  }
  let answering = false;
  const thoughts = new ThoughtProgress((line) => stream.progress(line), vscode.l10n.t('Thinking…'));
  try {
    if (token.isCancellationRequested) controller.abort();
    await prepared.client.complete(prepared.request, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'reasoning' && !answering) {
          thoughts.push(event.text);
        } else if (event.type === 'content') {
          answering = true;
          stream.markdown(event.text);
        }
      },
    });
    return {};
  } catch (error) {
    const view = errorViewOf(error);
    if (view.kind === 'aborted') return {};
    deps.log.warn('lm', `@openrouter answer failed: ${view.message}`);
    return { errorDetails: { message: view.message } };
  } finally {
    cancellation.dispose();
  }
}

