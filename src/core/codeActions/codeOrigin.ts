/**
 * Where a code action's question came from: the file, the range and the exact text it was asked
 * about. It is stored with the question in the chat (so it survives a window reload, and the
 * answer after Regenerate, Retry or Edit-and-resend, which answers the same question, finds it),
 * and Apply puts the answer there, never over a selection or a whole file it was not about.
 *
 * A stored range goes stale when the file changes: offsets shift with edits above it, and after a
 * reload the document's version numbers start again. So the text decides: the range still holds
 * it, or the text is found once elsewhere (moved), or the answer cannot be placed.
 */

export interface CodeOrigin {
  /** The document's URI, as `Uri.toString()` gives it. */
  readonly uri: string;
  /** Offsets of the range in the document when the question was asked. */
  readonly start: number;
  readonly end: number;
  /** 1-based lines of the range then, to name it to the user. */
  readonly startLine: number;
  readonly endLine: number;
  /** The document's version then (meaningful only within the window that asked). */
  readonly version: number;
  /** The range's text then, exactly (the document's own line endings). */
  readonly text: string;
}

/** A range this window followed through edits since the question (see TrackedRange). */
export interface FollowedRange {
  readonly start: number;
  readonly end: number;
  /** An edit reached into the range: its offsets no longer hold the original text. */
  readonly touched: boolean;
}

export type OriginPlace =
  /** `relocated`: found by searching for the original text, not at the (followed) range. */
  | { readonly kind: 'found'; readonly start: number; readonly end: number; readonly relocated: boolean }
  /** `edited`: the original text is nowhere in the file; `ambiguous`: it is there more than once. */
  | { readonly kind: 'lost'; readonly reason: 'edited' | 'ambiguous' };

/**
 * Where the origin's text is in `documentText` now. `followed` is this window's live range for
 * it, when it has one (it survives edits above the range, where the stored offsets do not).
 */
export function locateOrigin(documentText: string, origin: CodeOrigin, followed?: FollowedRange): OriginPlace {
  const candidate = followed ? (followed.touched ? undefined : followed) : origin;
  if (candidate && documentText.slice(candidate.start, candidate.end) === origin.text) {
    return { kind: 'found', start: candidate.start, end: candidate.end, relocated: false };
  }
  // Blank text would be "found" anywhere: only its own range can hold it.
  if (origin.text.trim().length === 0) return { kind: 'lost', reason: 'edited' };
  const first = documentText.indexOf(origin.text);
  if (first < 0) return { kind: 'lost', reason: 'edited' };
  if (documentText.indexOf(origin.text, first + 1) >= 0) return { kind: 'lost', reason: 'ambiguous' };
  return { kind: 'found', start: first, end: first + origin.text.length, relocated: true };
}

interface OriginMessage {
  readonly id: string;
  readonly role: 'user' | 'assistant';
  readonly origin?: CodeOrigin;
}

/** The origin of the question `answerId` answers (the nearest user message before it), if any. */
export function originOfAnswer(messages: readonly OriginMessage[], answerId: string): CodeOrigin | undefined {
  const index = messages.findIndex((m) => m.id === answerId && m.role === 'assistant');
  for (let i = index - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role === 'user') return message.origin;
  }
  return undefined;
}

/** A stored origin as read back from disk: anything else is dropped, not trusted. */
export function isCodeOrigin(value: unknown): value is CodeOrigin {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  const counts = [o.start, o.end, o.startLine, o.endLine, o.version];
  return (
    typeof o.uri === 'string' &&
    o.uri.length > 0 &&
    typeof o.text === 'string' &&
    counts.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0) &&
    (o.start as number) <= (o.end as number) &&
    (o.startLine as number) <= (o.endLine as number)
  );
}
