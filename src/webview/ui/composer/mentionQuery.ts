/**
 * The `#` mention grammar, the only one: a `#` at the start of the text or after whitespace,
 * followed by the characters typed so far (no whitespace, no second `#`), ending at the caret.
 * `#math` asks for files like `src/math.ts`; `a#b` (an anchor, an issue number inside a word) and
 * `# heading` are not mentions.
 */
export interface ActiveMention {
  /** Index of the `#`. */
  readonly start: number;
  /** What follows the `#`, up to the caret. */
  readonly query: string;
}

const MENTION_BEFORE_CARET = /(?:^|\s)#([^\s#]*)$/;

export function activeMention(text: string, caret: number): ActiveMention | undefined {
  const before = text.slice(0, caret);
  const match = MENTION_BEFORE_CARET.exec(before);
  if (!match) return undefined;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The text with the mention (the `#` and the query) taken out, and where the caret goes. */
export function withoutMention(text: string, mention: ActiveMention): { text: string; caret: number } {
  const end = mention.start + 1 + mention.query.length;
  // Also drop one space after it if the mention sat between two words, so no double space is left.
  const after = text.slice(end);
  const before = text.slice(0, mention.start);
  const joined = before.endsWith(' ') && after.startsWith(' ') ? before + after.slice(1) : before + after;
  return { text: joined, caret: mention.start };
}
