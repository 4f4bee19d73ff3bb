/**
 * Counts already made with one encoding, by text, so the meter does not tokenize a whole conversation
 * (and every 90,000-character attachment in it) again on each update. Least recently used counts
 * go first once the texts held pass a total size; short texts are cheap to count and not kept.
 */

/** Texts shorter than this are counted again rather than kept. */
const MIN_CACHED_CHARS = 256;
/** At most this many characters of text are held as keys (per encoding). */
const MAX_CACHED_CHARS = 4_000_000;

export class TokenCountCache {
  private readonly counts = new Map<string, number>();
  private heldChars = 0;

  constructor(private readonly maxChars = MAX_CACHED_CHARS) {}

  get(text: string): number | undefined {
    if (text.length < MIN_CACHED_CHARS) return undefined;
    // The text itself is the key: V8 hashes a string once and keeps the hash with it.
    const key = text;
    const count = this.counts.get(key);
    if (count === undefined) return undefined;
    // Re-inserted, so the Map's order stays least recently used first.
    this.counts.delete(key);
    this.counts.set(key, count);
    return count;
  }

  set(text: string, count: number): void {
    if (text.length < MIN_CACHED_CHARS || text.length > this.maxChars) return;
    const key = text;
    if (this.counts.has(key)) return;
    this.counts.set(key, count);
    this.heldChars += key.length;
    for (const oldest of this.counts.keys()) {
      if (this.heldChars <= this.maxChars) break;
      this.counts.delete(oldest);
      this.heldChars -= oldest.length;
    }
  }

  get size(): number {
    return this.counts.size;
  }
}
