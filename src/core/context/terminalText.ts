/**
 * Terminal output as plain text for a model: what the terminal would show, without the bytes that
 * drew it. Pure (no vscode), so the rules are unit tested.
 */

/** CSI and OSC sequences (colors, cursor moves, shell integration marks) and two-byte escapes. */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCES = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-_]/g;
/** Control characters left once the sequences are gone (BEL, backspace, ...); tab and newline are text. */
// eslint-disable-next-line no-control-regex
const STRAY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Lines end in `\n` (a terminal writes `\r\n`), and a line that was redrawn with a bare `\r` (a
 * progress bar) keeps only its last state, as on screen.
 */
export function terminalText(raw: string): string {
  return raw
    .replace(ESCAPE_SEQUENCES, '')
    .split('\n')
    .map((line) => {
      const withoutEnd = line.endsWith('\r') ? line.slice(0, -1) : line;
      const redrawn = withoutEnd.lastIndexOf('\r');
      return redrawn === -1 ? withoutEnd : withoutEnd.slice(redrawn + 1);
    })
    .join('\n')
    .replace(STRAY_CONTROLS, '');
}
