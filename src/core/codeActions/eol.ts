/** Line endings: model output always uses `\n`; documents may use `\r\n` and must keep it. */

export type Eol = '\n' | '\r\n';

/** Every line break as `\n`, whatever it was (`\r\n`, lone `\r`). */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** `text` with every line break written as `eol`. */
export function withEol(text: string, eol: Eol): string {
  const lf = toLf(text);
  return eol === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}
