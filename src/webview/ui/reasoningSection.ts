/**
 * The model's reasoning, above the answer, as a `<details>` section. While the model reasons it
 * is open and shows a running "Thinking… N s"; when the answer starts it folds itself away and
 * reads "Thought for N s". Reasoning is shown as escaped plain text (never as a second answer
 * with code buttons). Once the user opens or closes it, we stop moving it.
 */
import type { ReasoningDisplay } from '../../shared/protocol';
import { el } from '../dom';
import { t } from '../i18n';

export function formatReasoningSeconds(seconds: number): number {
  return Math.max(1, Math.round(seconds));
}

export class ReasoningSection {
  readonly element: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly body: Text;
  private pending = '';
  private startedAt = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private userToggled = false;
  private shownSeconds: number | undefined;

  constructor(
    private readonly display: Exclude<ReasoningDisplay, 'hidden'>,
    initialText: string,
    thinking: boolean,
  ) {
    this.summary = el('summary', { className: 'reasoning-summary' });
    this.body = document.createTextNode(initialText);
    this.element = el('details', { className: 'reasoning' }, this.summary, el('div', { className: 'reasoning-text' }, this.body));
    // A click (or Enter/Space, which click) on the summary is the user's choice from then on.
    this.summary.addEventListener('click', () => {
      this.userToggled = true;
    });
    if (thinking) this.startThinking();
    else this.showFinished(undefined);
  }

  append(text: string): void {
    this.pending += text;
  }

  /** Moves text received since the last frame into the DOM. */
  flush(): void {
    if (this.pending === '') return;
    this.body.appendData(this.pending);
    this.pending = '';
  }

  /** The answer's first content arrived: stop the clock and fold away. */
  answerStarted(): void {
    if (this.timer === undefined) return;
    this.showFinished((performance.now() - this.startedAt) / 1000);
  }

  /** The stream ended; `reasoningSeconds` from the host's stats wins over our own clock. */
  finish(reasoningSeconds: number | undefined): void {
    this.flush();
    const measured = this.timer === undefined ? undefined : (performance.now() - this.startedAt) / 1000;
    this.showFinished(reasoningSeconds ?? measured ?? this.shownSeconds);
  }

  dispose(): void {
    this.stopClock();
  }

  private startThinking(): void {
    this.startedAt = performance.now();
    this.element.open = true;
    this.renderThinking();
    this.timer = setInterval(() => this.renderThinking(), 1000);
  }

  private renderThinking(): void {
    const seconds = Math.floor((performance.now() - this.startedAt) / 1000);
    this.summary.textContent = t('Thinking… {0} s', seconds);
  }

  private showFinished(seconds: number | undefined): void {
    const wasThinking = this.timer !== undefined;
    this.stopClock();
    if (seconds !== undefined) this.shownSeconds = seconds;
    this.summary.textContent =
      this.shownSeconds === undefined ? t('Reasoning') : t('Thought for {0} s', formatReasoningSeconds(this.shownSeconds));
    if (this.userToggled) return;
    if (this.display === 'expanded') this.element.open = true;
    else if (wasThinking) this.element.open = false;
  }

  private stopClock(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
