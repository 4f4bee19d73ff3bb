/**
 * Coalesces work to at most one run per animation frame: a fast stream delivers many deltas per
 * frame, and rendering each one separately would waste most of the work.
 */
export class FrameScheduler {
  private handle: number | undefined;

  constructor(private readonly run: () => void) {}

  schedule(): void {
    this.handle ??= requestAnimationFrame(() => {
      this.handle = undefined;
      this.run();
    });
  }

  /** Runs pending work now (e.g. before the stream's final message is applied). */
  flush(): void {
    if (this.handle === undefined) return;
    cancelAnimationFrame(this.handle);
    this.handle = undefined;
    this.run();
  }
}
