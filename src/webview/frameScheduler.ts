/**
 * Coalesces rendering while an answer streams. A fast provider delivers many deltas per frame;
 * rendering each one would waste most of the work. Beyond coalescing to one run per animation
 * frame, runs are spaced at least `minIntervalMs` apart: every DOM update costs the browser a
 * fixed amount of style, layout and paint whatever changed, and 20 updates a second already read
 * as smooth streaming text, so rendering 60 times a second would triple that cost for nothing.
 * The first update after a quiet spell is rendered on the next frame, so the first token shows
 * at once.
 */
export const DEFAULT_MIN_INTERVAL_MS = 50;

export class FrameScheduler {
  private frame: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRunAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly run: () => void,
    private readonly minIntervalMs = DEFAULT_MIN_INTERVAL_MS,
  ) {}

  schedule(): void {
    if (this.frame !== undefined || this.timer !== undefined) return;
    const wait = this.lastRunAt + this.minIntervalMs - performance.now();
    if (wait > 1) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.requestFrame();
      }, wait);
    } else {
      this.requestFrame();
    }
  }

  /** Runs pending work now (e.g. before the stream's final message is applied). */
  flush(): void {
    if (this.frame === undefined && this.timer === undefined) return;
    this.cancel();
    this.execute();
  }

  private requestFrame(): void {
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.execute();
    });
  }

  private execute(): void {
    this.lastRunAt = performance.now();
    this.run();
  }

  private cancel(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.frame = undefined;
    this.timer = undefined;
  }
}
