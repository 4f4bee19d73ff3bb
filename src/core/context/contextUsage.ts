/**
 * The context meter's figure: what the next request would use of the model's window, by the same
 * count (and calibration) that decides what to leave out when it does not fit.
 */
import type { ContextUsage } from '../../shared/protocol';
import { estimateTokens } from '../openrouter/pricing';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import type { ContextAttachment } from './attachment';
import type { ContextWindow, WindowOptions } from './contextWindow';
import { turnTokens } from './fitWindow';
import { acceptsImages, withoutImages } from './imageSupport';

/**
 * Characters used to measure the character estimate's tokens per character (large, so rounding
 * does not show). The view adds the words being typed by that rate, between two host counts: a
 * safe side over-estimate that the tokenizer replaces once the question is part of the chat.
 */
const SAMPLE = 3000;

export function contextUsage(window: ContextWindow, options: WindowOptions, turns: readonly ConversationTurn[], draft: readonly ContextAttachment[]): ContextUsage {
  const { maxPromptTokens, scale, systemTokens } = window.budget(options);
  // The question being typed is a user turn carrying the draft's attachments; its text is added by the view.
  const next: ConversationTurn = { role: 'user', content: '', attachments: draft };
  // Earlier questions' images are left out of a request to a model that reads none (as the
  // request preparer does), so they are not counted either.
  const sent = acceptsImages(options.model) ? turns : withoutImages(turns);
  const raw = [...sent, next].reduce((sum, turn) => sum + turnTokens(turn, options.model.id), 0);
  return {
    tokens: Math.ceil(raw * scale) + systemTokens,
    maxTokens: maxPromptTokens,
    tokensPerChar: (estimateTokens('x'.repeat(SAMPLE)) / SAMPLE) * scale,
    model: options.model.id,
  };
}
