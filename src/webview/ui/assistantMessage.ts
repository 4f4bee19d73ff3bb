/**
 * One assistant answer: reasoning section, the answer (markdown, streamed incrementally), and once
 * finished a footer with status, error, stats and actions. Deltas are buffered and reach the DOM
 * only in `renderFrame`, which the app calls at most once per animation frame.
 */
import type { AnswerStats, MessageView, ReasoningDisplay, ToolCallView } from '../../shared/protocol';
import { button, el, iconButton } from '../dom';
import { t } from '../i18n';
import { StreamingMarkdown } from '../markdown/streamingMarkdown';
import { postToHost } from '../vscodeApi';
import { createCutOffNotice } from './cutOffNotice';
import { createErrorBox } from './errorBox';
import { ReasoningSection } from './reasoningSection';
import { createSourcesList } from './sourcesList';
import { summaryLabel } from './messageMarks';
import { createStatsLine } from './statsLine';
import { ToolCallList } from './toolCallCard';
import { TokenProbabilities } from './tokenProbabilities';

export class AssistantMessageView {
  readonly element: HTMLElement;
  private readonly answer: HTMLElement;
  private readonly footer: HTMLElement;
  private readonly markdown: StreamingMarkdown;
  private readonly toolCalls = new ToolCallList();
  private readonly probabilities: TokenProbabilities;
  private reasoning: ReasoningSection | undefined;
  private reasoningText: string;
  private streaming: boolean;
  private regenerateAllowed = false;

  constructor(
    private message: MessageView,
    private readonly reasoningDisplay: ReasoningDisplay,
    streaming: boolean,
  ) {
    this.streaming = streaming;
    this.reasoningText = message.reasoning ?? '';
    this.answer = el('div', { className: 'markdown-body' });
    this.footer = el('div', { className: 'message-footer' });
    // Its classes and attributes are the slot's to set (messageMarks.ts), the same as its placeholder's.
    this.element = el('article', {}, ...summaryLabel(message), this.toolCalls.element, this.answer, this.footer);
    this.toolCalls.setAll(message.tools ?? []);
    this.markdown = new StreamingMarkdown(this.answer);
    this.probabilities = new TokenProbabilities(this.answer, this.element);
    if (this.reasoningText) this.createReasoning(streaming && message.content === '');
    if (streaming) {
      this.markdown.append(message.content);
      this.markdown.update();
    } else {
      this.markdown.finish(message.content);
      this.probabilities.show(message.logprobs);
      this.reasoning?.finish(message.stats?.reasoningSeconds);
      this.renderFooter();
    }
  }

  get id(): string {
    return this.message.id;
  }

  get current(): MessageView {
    return this.message;
  }

  get isStreaming(): boolean {
    return this.streaming;
  }

  appendDelta(reasoning: string | undefined, content: string | undefined): void {
    if (!this.streaming) return;
    if (reasoning) {
      this.reasoningText += reasoning;
      if (this.reasoning) this.reasoning.append(reasoning);
      else this.createReasoning(this.markdown.content === '');
    }
    if (content) {
      this.reasoning?.answerStarted();
      this.markdown.append(content);
    }
  }

  /** Moves buffered text into the DOM. */
  renderFrame(): void {
    this.reasoning?.flush();
    this.markdown.update();
  }

  updateToolCall(call: ToolCallView): void {
    this.toolCalls.update(call);
  }

  /** The host's final version of this message is authoritative. */
  finish(final: MessageView): void {
    this.message = final;
    this.toolCalls.setAll(final.tools ?? []);
    this.streaming = false;
    const finalReasoning = final.reasoning ?? this.reasoningText;
    if (finalReasoning !== this.reasoningText) {
      this.reasoning?.element.remove();
      this.reasoning?.dispose();
      this.reasoning = undefined;
      this.reasoningText = finalReasoning;
    }
    if (this.reasoningText && !this.reasoning) this.createReasoning(false);
    this.reasoning?.finish(final.stats?.reasoningSeconds);
    this.markdown.finish(final.content);
    this.probabilities.show(final.logprobs);
    this.renderFooter();
  }

  /** Figures that came after the end (see `answerStats`); the rest of the message stays. */
  setStats(stats: AnswerStats): void {
    this.message = { ...this.message, stats };
    if (!this.streaming) this.renderFooter();
  }

  /** Regenerate and Retry are offered on the last answer only, and not while a request runs. */
  setRegenerateAllowed(allowed: boolean): void {
    if (allowed === this.regenerateAllowed) return;
    this.regenerateAllowed = allowed;
    if (!this.streaming) this.renderFooter();
  }

  dispose(): void {
    this.reasoning?.dispose();
    this.probabilities.dispose();
  }

  /** Creates the reasoning section with the text so far, unless settings hide reasoning. */
  private createReasoning(thinking: boolean): void {
    if (this.reasoningDisplay === 'hidden') return;
    this.reasoning = new ReasoningSection(this.reasoningDisplay, this.reasoningText, thinking);
    this.element.insertBefore(this.reasoning.element, this.toolCalls.element);
  }

  private renderFooter(): void {
    const { status, error, stats, content, cutOff, citations, toolCapReached } = this.message;
    const parts: HTMLElement[] = [];
    if (citations?.length) parts.push(createSourcesList(citations));
    if (status === 'stopped') parts.push(el('div', { className: 'status-marker', text: t('Stopped') }));
    if (error) parts.push(createErrorBox(error, this.message.id, this.regenerateAllowed));
    if (cutOff) parts.push(createCutOffNotice(cutOff, this.message.id, this.regenerateAllowed));
    else if (toolCapReached) {
      parts.push(el('div', { className: 'status-marker', text: t('The model used the most tool rounds allowed for one question.') }));
    } else if (status !== 'error' && status !== 'stopped' && !error && content.trim() === '') {
      parts.push(el('div', { className: 'status-marker', text: t('The model returned no answer.') }));
    }
    if (stats) parts.push(createStatsLine(stats));
    const actions = el('div', { className: 'message-actions' });
    if (toolCapReached && this.regenerateAllowed) actions.append(button(t('Continue'), () => postToHost({ type: 'continueTools' })));
    if (content) actions.append(iconButton('copy', t('Copy'), () => postToHost({ type: 'copy', text: this.message.content })));
    // A summary answers no question: Regenerate would answer the last one again in its place.
    if (this.regenerateAllowed && this.message.summaryOf === undefined) actions.append(iconButton('refresh', t('Regenerate'), () => postToHost({ type: 'regenerate', messageId: this.message.id })));
    if (actions.childElementCount) parts.push(actions);
    this.footer.replaceChildren(...parts);
  }
}
