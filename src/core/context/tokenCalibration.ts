/**
 * How far our token count (the model family's encoding, or three characters a token until it is
 * loaded) is from what the server counts, per model. Each answer's real `prompt_tokens` corrects it; a context-length error corrects it
 * upwards at once, so Retry sends fewer earlier turns instead of failing the same way again.
 */

/** Never trust a correction outside these bounds (one odd answer must not wreck the estimate). */
const MIN_SCALE = 0.5;
const MAX_SCALE = 8;
/** After a context-length error the next estimate is at least this much larger. */
const TOO_LONG_STEP = 1.5;

export class TokenCalibration {
  private readonly scales = new Map<string, number>();

  /** The factor to multiply our estimates by for this model (1 until an answer taught us). */
  scale(model: string): number {
    return this.scales.get(model) ?? 1;
  }

  /** An answer reported `promptTokens` for a request we estimated at `estimated` (unscaled). */
  observeAnswer(model: string, estimated: number, promptTokens: number): void {
    if (estimated <= 0 || promptTokens <= 0) return;
    const measured = clamp(promptTokens / estimated);
    const previous = this.scales.get(model);
    // Smoothed, so one request of unusual text moves the estimate only part of the way.
    this.scales.set(model, previous === undefined ? measured : clamp(previous * 0.5 + measured * 0.5));
  }

  /**
   * The server said the prompt did not fit. When its message names the tokens it counted
   * ("you requested about 9000 tokens (8500 of text input, …)") the scale is set from them;
   * otherwise it grows by a fixed step. Either way the next estimate is larger.
   */
  observeTooLong(model: string, estimated: number, serverMessage: string): void {
    const current = this.scale(model);
    const counted = /(\d[\d,]*) of text input/i.exec(serverMessage) ?? /requested about (\d[\d,]*) tokens/i.exec(serverMessage);
    const fromServer = counted && estimated > 0 ? Number((counted[1] ?? '').replace(/,/g, '')) / estimated : 0;
    this.scales.set(model, clamp(Math.max(current * TOO_LONG_STEP, fromServer * 1.1)));
  }
}

function clamp(value: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, value));
}
