/**
 * Does a selection fit the model's context window, and if not, how much of it does? The model
 * must also have room to answer, so part of the window is kept for the answer. Tokens are the
 * model's (see TokenCounter). A multi-megabyte selection is counted once as a whole; the lines
 * that fit are found by counting line by line only up to the budget, then checked on the prefix
 * itself, since a BPE count of a whole is not exactly the sum of its lines'.
 */
import { countTokens } from '../context/tokenCounter';

export interface ModelWindow {
  readonly modelId: string;
  readonly contextLength: number;
  /** The provider's cap on answer tokens, if published. */
  readonly maxCompletionTokens?: number;
  /** The user's `openrouterChat.maxTokens`, if set: the answer will be capped at that. */
  readonly maxTokensSetting?: number;
}

/** Tokens kept free for the answer: the configured cap, else the model's, else a quarter of the window, never more than half. */
export function answerReserve(window: ModelWindow): number {
  const half = Math.floor(window.contextLength / 2);
  const wanted = window.maxTokensSetting ?? window.maxCompletionTokens ?? Math.ceil(window.contextLength / 4);
  return Math.min(wanted, half);
}

export type SizeCheck =
  | { readonly fits: true; readonly tokens: number; readonly budget: number }
  | {
      readonly fits: false;
      readonly tokens: number;
      readonly budget: number;
      /** Lines from the start that fit (0 when not even the first line does). */
      readonly fittingLines: number;
      readonly totalLines: number;
    };

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** Offsets where each line starts (line 0 at 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Checks `code` (plus `overheadText`, the prompt around it and the conversation so far) against
 * the window. When it does not fit, finds the most leading whole lines that do.
 */
export function checkSelectionSize(code: string, window: ModelWindow, overheadText = ''): SizeCheck {
  const count = (text: string) => countTokens(text, window.modelId);
  const budget = Math.max(0, window.contextLength - answerReserve(window) - count(overheadText));
  const tokens = count(code);
  if (tokens <= budget) return { fits: true, tokens, budget };

  const starts = lineStarts(code);
  const totalLines = code.endsWith('\n') ? starts.length - 1 : starts.length;
  // Prefix of `lines` leading lines: it ends where the next line starts.
  const prefixEnd = (lines: number): number => (lines >= starts.length ? code.length : (starts[lines] ?? code.length));
  const fits = (lines: number) => lines === 0 || count(code.slice(0, prefixEnd(lines))) <= budget;
  // Line by line, only as far as the budget reaches: the guess, close to the answer.
  let lines = 0;
  let sum = 0;
  while (lines < totalLines) {
    sum += count(code.slice(prefixEnd(lines), prefixEnd(lines + 1)));
    if (sum > budget) break;
    lines++;
  }
  return { fits: false, tokens, budget, fittingLines: mostFitting(lines, totalLines, fits), totalLines };
}

/**
 * The most leading lines whose prefix fits, searched outwards from a close guess in growing steps,
 * then by halves: a few counts of the prefix, not one per line. No prefix of `total` lines fits
 * (the whole did not), and the empty prefix always does.
 */
function mostFitting(guess: number, total: number, fits: (lines: number) => boolean): number {
  let low: number; // fits
  let high: number; // does not fit
  if (fits(guess)) {
    low = guess;
    for (let step = 1; ; step *= 2) {
      high = Math.min(total, low + step);
      if (high === total || !fits(high)) break;
      low = high;
    }
  } else {
    high = guess;
    for (let step = 1; ; step *= 2) {
      low = Math.max(0, high - step);
      if (low === 0 || fits(low)) break;
      high = low;
    }
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/** The first `lines` lines of `code` (without the break after the last one). */
export function firstLines(code: string, lines: number): string {
  const starts = lineStarts(code);
  if (lines >= starts.length) return code;
  return code.slice(0, Math.max(0, (starts[lines] ?? code.length) - 1)).replace(/\r$/, '');
}
