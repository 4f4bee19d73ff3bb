/**
 * Finds the answer's tokens in the text of its rendered markdown, so each can carry its
 * probability. The tokens spell the markdown source; the rendered text is that source without its
 * syntax (`**`, fences and their language, list markers, link targets) and with its whitespace
 * changed. So the text is read left to right and each token is looked for where the previous one
 * ended, past whitespace: a token that is not there is syntax (or a byte fragment) and is skipped.
 * When many tokens in a row are not found (the text holds something the tokens do not, such as an
 * earlier tool round's text), the alignment jumps ahead to where the missed tokens continue.
 */

export interface TokenRange {
  /** Index into the token list. */
  readonly token: number;
  /** [start, end) in the text. */
  readonly start: number;
  readonly end: number;
}

/** Markdown syntax a token may carry around its text: `**bold`, `code\``, `.**`. */
const SYNTAX_AROUND = /^[*_`~#>|]+|[*_`~#>|]+$/g;
/** Misses in a row before looking further ahead. */
const MISSES_BEFORE_JUMP = 6;
/** How far ahead a jump may look (characters). */
const JUMP_REACH = 20_000;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 160;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** What of `token` can appear in the text: trimmed, and failing that without syntax around it. */
function coresOf(token: string): string[] {
  const trimmed = token.trim();
  if (trimmed === '') return [];
  const bare = trimmed.replace(SYNTAX_AROUND, '');
  return bare !== '' && bare !== trimmed ? [trimmed, bare] : [trimmed];
}

/** Where one of `cores` stands in the text when it begins at `at`. */
function matchAt(text: string, at: number, cores: readonly string[]): { start: number; end: number } | undefined {
  for (const core of cores) if (text.startsWith(core, at)) return { start: at, end: at + core.length };
  return undefined;
}

/**
 * A character split over several tokens (an emoji) comes as byte fragments that match nothing:
 * the next token is then found just past it.
 */
function afterByteFragments(text: string, cursor: number, cores: readonly string[]): { start: number; end: number } | undefined {
  const at = skipSpace(text, cursor);
  let past = at;
  while (past < at + 4 && past < text.length && text.charCodeAt(past) > 127) past++;
  return past > at ? matchAt(text, skipSpace(text, past), cores) : undefined;
}

/** Ranges of the tokens found in `text`, in order and never overlapping. */
export function alignTokens(text: string, tokens: readonly string[]): TokenRange[] {
  const ranges: TokenRange[] = [];
  const cores = tokens.map(coresOf);
  let cursor = 0;
  let firstMiss = -1;
  for (let index = 0; index < tokens.length; index++) {
    const candidates = cores[index] ?? [];
    if (candidates.length === 0) continue;
    const found = matchAt(text, skipSpace(text, cursor), candidates) ?? afterByteFragments(text, cursor, candidates);
    if (found) {
      ranges.push({ token: index, ...found });
      cursor = found.end;
      firstMiss = -1;
      continue;
    }
    if (firstMiss < 0) firstMiss = index;
    if (index - firstMiss + 1 < MISSES_BEFORE_JUMP) continue;
    const resume = jumpAhead(text, cursor, cores, firstMiss, index);
    firstMiss = -1;
    if (resume) {
      cursor = resume.at;
      index = resume.token - 1;
    }
  }
  return ranges;
}

/**
 * The first of the missed tokens (firstMiss..last) found further on in the text and followed
 * there by the next token too (one short token alone could be anywhere).
 */
function jumpAhead(text: string, cursor: number, cores: readonly string[][], firstMiss: number, last: number): { at: number; token: number } | undefined {
  const limit = Math.min(text.length, cursor + JUMP_REACH);
  for (let token = firstMiss; token <= last; token++) {
    const core = cores[token]?.[0];
    if (!core) continue;
    const next = cores.slice(token + 1).find((candidates) => candidates.length > 0);
    for (let at = text.indexOf(core, cursor); at >= 0 && at < limit; at = text.indexOf(core, at + 1)) {
      if (!next || matchAt(text, skipSpace(text, at + core.length), next)) return { at, token };
    }
  }
  return undefined;
}
