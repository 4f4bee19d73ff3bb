/**
 * Reasoning arrives a few tokens at a time. Progress replaces itself in the chat view, so the user
 * sees the model's latest finished sentence of thought until the answer starts.
 */
export class ThoughtProgress {
  private started = false;
  private text = '';
  private shown = '';

  constructor(
    private readonly show: (line: string) => void,
    private readonly thinkingLabel: string,
  ) {}

  push(delta: string): void {
    if (!this.started) {
      this.started = true;
      this.show(this.thinkingLabel);
    }
    this.text += delta;
    const sentences = this.text.split(/(?<=[.!?:])\s+|\n+/);
    // The last piece may still be growing: show the one before it.
    const finished = (sentences.length > 1 ? sentences[sentences.length - 2] : '')?.trim() ?? '';
    if (finished && finished !== this.shown) {
      this.shown = finished;
      this.show(finished.length > 160 ? `${finished.slice(0, 159)}…` : finished);
    }
    // Only the unfinished tail is needed from here on.
    if (sentences.length > 2) this.text = sentences.slice(-2).join(' ');
  }
}
