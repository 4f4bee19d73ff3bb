/**
 * Where the chat session hands an answer over to tools: one call replaces the single request
 * when the request offers workspace tools. It runs the loop against the stored answer (rounds,
 * cap, citations), tells the view about each call, and owns the pending approvals so Stop and
 * the cards' buttons reach them.
 */
import type { HostMessage } from '../../shared/protocol';
import type { StoredMessage } from '../chat/chat';
import type { PreparedRequest } from '../chat/chatSession';
import { toWireMessage } from '../openrouter/requestBuilder';
import type { AssistantTurn, ChatRequest, StreamEvent, UrlCitation } from '../openrouter/types';
import { ApprovalBroker } from './approvals';
import type { WorkspaceToolHost } from './toolLoop';
import { toolCallView } from './toolRounds';

export interface ToolAnswerContext {
  readonly chatId: string;
  readonly assistant: StoredMessage;
  readonly signal: AbortSignal;
  readonly onEvent: (event: StreamEvent) => void;
  /** Saves the chat (after each round, so a reload finds the loop). */
  readonly save: () => void;
}

export class ToolAnswers {
  readonly approvals = new ApprovalBroker();

  constructor(
    private readonly host: WorkspaceToolHost | undefined,
    private readonly post: (message: HostMessage) => void,
  ) {}

  /** The answer's final turn; with tools, after every round the loop needed. */
  async complete(prepared: PreparedRequest, context: ToolAnswerContext): Promise<AssistantTurn> {
    const { assistant, signal } = context;
    const onEvent = (event: StreamEvent): void => {
      if (event.type === 'citations') addCitations(assistant, event.citations);
      context.onEvent(event);
    };
    if (!this.host || !offersWorkspaceTools(prepared.request)) return prepared.client.complete(prepared.request, { signal, onEvent });

    // The loop (the calls' schemas, the path rules) loads with the first request that offers tools.
    const { runToolLoop } = await import('./toolLoop');
    const rounds = (assistant.toolRounds ??= []);
    const base = prepared.request;
    const result = await runToolLoop({
      host: this.host,
      approvals: this.approvals,
      rounds,
      signal,
      complete: (roundTurns) =>
        prepared.client.complete({ ...base, messages: [...base.messages, ...roundTurns.map(toWireMessage)] }, { signal, onEvent }),
      onRoundStart: () => {
        // The round keeps this turn's text; the answer's own fields are for the next turn.
        assistant.content = '';
        delete assistant.reasoning;
        // Saved now, so a window closed while a card waits finds the round on reload.
        context.save();
      },
      onCall: (call) => {
        const view = toolCallView(call);
        if (view) this.post({ type: 'toolCall', chatId: context.chatId, messageId: assistant.id, call: view });
      },
      onRoundEnd: context.save,
    });
    if (rounds.length === 0) delete assistant.toolRounds;
    if (result.capped) assistant.toolCapReached = true;
    return result.turn;
  }

  /** A click on Allow or Deny. */
  decide(callId: string, allow: boolean): boolean {
    return this.approvals.decide(callId, allow);
  }
}

/** Function tools in the request (the web search server tool alone needs no loop). */
export function offersWorkspaceTools(request: ChatRequest): boolean {
  return (request.tools ?? []).some((tool) => (tool as { type?: unknown }).type === 'function');
}

function addCitations(message: StoredMessage, citations: readonly UrlCitation[]): void {
  const list = (message.citations ??= []);
  for (const citation of citations) {
    if (list.some((known) => known.url === citation.url)) continue;
    list.push(citation.title ? { url: citation.url, title: citation.title } : { url: citation.url });
  }
}
