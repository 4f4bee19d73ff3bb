/**
 * Fits each request into the model's context window (older turns left out, and the user told how
 * many), and learns from each answer how our token estimate compares with the server's count.
 * The one owner of that calibration: the preparer asks it to fit, the host tells it every answer.
 */
import type { MessageView } from '../../shared/protocol';
import { defaultOutputReserve, fitTurns, type FittedTurns } from './fitWindow';
import { TokenCalibration } from './tokenCalibration';
import { estimateTokens } from '../openrouter/pricing';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import type { ModelInfo } from '../openrouter/types';

export interface WindowOptions {
  readonly model: ModelInfo;
  readonly systemPrompt?: string;
  /** The user's openrouterChat.maxTokens, if set: the answer's reserve. */
  readonly maxTokens?: number;
}

export class ContextWindow {
  private readonly calibration = new TokenCalibration();
  /** The request in flight: its model and unscaled estimate, to compare with the answer. */
  private inFlight: { model: string; rawTokens: number } | undefined;

  constructor(private readonly onOmitted: (omitted: number, model: ModelInfo) => void) {}

  /** The tokens the next request may use for its prompt, and the scale our estimates need. */
  budget(options: WindowOptions): { maxPromptTokens: number; scale: number; systemTokens: number } {
    const reserve = options.maxTokens ?? defaultOutputReserve(options.model.contextLength, options.model.maxCompletionTokens);
    const scale = this.calibration.scale(options.model.id);
    const systemTokens = options.systemPrompt ? Math.ceil((estimateTokens(options.systemPrompt) + 4) * scale) : 0;
    return { maxPromptTokens: Math.max(0, options.model.contextLength - reserve), scale, systemTokens };
  }

  fit(turns: readonly ConversationTurn[], options: WindowOptions): FittedTurns {
    const { maxPromptTokens, scale, systemTokens } = this.budget(options);
    const fitted = fitTurns(turns, { contextLength: maxPromptTokens, outputReserve: 0, fixedTokens: systemTokens, tokenScale: scale });
    const rawSystem = options.systemPrompt ? estimateTokens(options.systemPrompt) + 4 : 0;
    this.inFlight = { model: options.model.id, rawTokens: fitted.rawTurnTokens + rawSystem };
    if (fitted.omitted > 0) this.onOmitted(fitted.omitted, options.model);
    return fitted;
  }

  /** An answer ended: its real prompt tokens, or a context-length error, recalibrate the estimate. */
  observe(answer: MessageView): void {
    const sent = this.inFlight;
    if (!sent || answer.role !== 'assistant') return;
    this.inFlight = undefined;
    if (answer.error?.kind === 'contextTooLong') this.calibration.observeTooLong(sent.model, sent.rawTokens, answer.error.message);
    else if (answer.stats?.promptTokens) this.calibration.observeAnswer(sent.model, sent.rawTokens, answer.stats.promptTokens);
  }

  scale(model: string): number {
    return this.calibration.scale(model);
  }
}
