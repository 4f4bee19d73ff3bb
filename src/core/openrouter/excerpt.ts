const EXCERPT_CHARS = 200;

/** Shortens text for a message a person reads: one line, at most `max` characters. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
