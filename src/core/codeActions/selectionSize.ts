/**
 * Does a selection fit the model's context window, and if not, how much of it does? The model
 * must also have room to answer, so part of the window is kept for the answer. Runs in well under
 * a second on a multi-megabyte selection: one pass to find line starts, then only length-based
 * estimates (see `estimateTokens`) on prefixes, which V8 slices without copying.
 */
import { estimateTokens } from '../openrouter/pricing';

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
  const budget = Math.max(0, window.contextLength - answerReserve(window) - estimateTokens(overheadText));
  const tokens = estimateTokens(code);
  if (tokens <= budget) return { fits: true, tokens, budget };

  const starts = lineStarts(code);
  const totalLines = code.endsWith('\n') ? starts.length - 1 : starts.length;
  // Binary search on the number of leading lines: prefix i ends where line i starts.
  const prefixEnd = (lines: number): number => (lines >= starts.length ? code.length : (starts[lines] ?? code.length));
  let low = 0;
  let high = totalLines;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (estimateTokens(code.slice(0, prefixEnd(mid))) <= budget) low = mid;
    else high = mid - 1;
  }
  return { fits: false, tokens, budget, fittingLines: low, totalLines };
}

/** The first `lines` lines of `code` (without the break after the last one). */
export function firstLines(code: string, lines: number): string {
  const starts = lineStarts(code);
  if (lines >= starts.length) return code;
  return code.slice(0, Math.max(0, (starts[lines] ?? code.length) - 1)).replace(/\r$/, '');
}
