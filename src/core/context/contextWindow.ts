/**
 * Fits each request into the model's context window (older turns left out, and the user told how
 * many), and learns from each answer how our token count compares with the server's (chat
 * template tokens, or another family's tokenizer than the o200k we count with).
 * The one owner of that calibration: the preparer asks it to fit, the host tells it every answer.
 */
import type { MessageView } from '../../shared/protocol';
import { defaultOutputReserve, fitTurns, type FittedTurns } from './fitWindow';
import { TokenCalibration } from './tokenCalibration';
import { tokenCounter } from './tokenCounter';
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
  /** The request in flight: its calibration key and unscaled count, to compare with the answer. */
  private inFlight: { key: string; rawTokens: number } | undefined;

  constructor(private readonly onOmitted: (omitted: number, model: ModelInfo) => void) {}

  /** The tokens the next request may use for its prompt, and the scale our estimates need. */
  budget(options: WindowOptions): { maxPromptTokens: number; scale: number; systemTokens: number } {
    const reserve = options.maxTokens ?? defaultOutputReserve(options.model.contextLength, options.model.maxCompletionTokens);
    const scale = this.calibration.scale(calibrationKey(options.model.id));
    const systemTokens = options.systemPrompt ? Math.ceil(systemPromptTokens(options) * scale) : 0;
    return { maxPromptTokens: Math.max(0, options.model.contextLength - reserve), scale, systemTokens };
  }

  fit(turns: readonly ConversationTurn[], options: WindowOptions): FittedTurns {
    // Taken before counting: the answer is compared with counts of this kind.
    const key = calibrationKey(options.model.id);
    const { maxPromptTokens, scale, systemTokens } = this.budget(options);
    const fitted = fitTurns(turns, { contextLength: maxPromptTokens, outputReserve: 0, fixedTokens: systemTokens, tokenScale: scale, model: options.model.id });
    const rawSystem = options.systemPrompt ? systemPromptTokens(options) : 0;
    this.inFlight = { key, rawTokens: fitted.rawTurnTokens + rawSystem };
    if (fitted.omitted > 0) this.onOmitted(fitted.omitted, options.model);
    return fitted;
  }

  /** An answer ended: its real prompt tokens, or a context-length error, recalibrate the estimate. */
  observe(answer: MessageView): void {
    const sent = this.inFlight;
    if (!sent || answer.role !== 'assistant') return;
    this.inFlight = undefined;
    if (answer.error?.kind === 'contextTooLong') this.calibration.observeTooLong(sent.key, sent.rawTokens, answer.error.message);
    else if (answer.stats?.promptTokens) this.calibration.observeAnswer(sent.key, sent.rawTokens, answer.stats.promptTokens);
  }

  scale(model: string): number {
    return this.calibration.scale(calibrationKey(model));
  }
}

function systemPromptTokens(options: WindowOptions): number {
  return tokenCounter.count(options.systemPrompt ?? '', options.model.id) + 4;
}

/**
 * Corrections learnt while the encoding was not loaded (character estimates) do not apply to the
 * encoding's counts, nor the other way round: each kind of count keeps its own per model.
 */
function calibrationKey(model: string): string {
  return tokenCounter.exact(model) ? model : `${model} (character estimate)`;
}
