/**
 * VS Code's settings files are JSON with comments and trailing commas. The editor reads them for
 * us, except where it hides what a workspace tried to set (see `userOnlySettings.ts`), so this is
 * the one place that reads that dialect: comments and trailing commas go, then `JSON.parse`.
 */

/** The parsed value, or undefined when the text is not JSONC (a file being typed, for example). */
export function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(withoutTrailingCommas(withoutComments(text)));
  } catch {
    return undefined;
  }
}

/** Replaces `//` and `/* *\/` comments outside strings with spaces (positions stay the same). */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Drops a comma that is followed only by whitespace and then `}` or `]` (outside strings). */
function withoutTrailingCommas(text: string): string {
  const closerAhead = /\s*[}\]]/y;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === ',') {
      closerAhead.lastIndex = i + 1;
      if (closerAhead.test(text)) {
        i++;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** Index just past the string literal that opens at `start` (or the end of the text). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i + 1;
    else i++;
  }
  return text.length;
}
