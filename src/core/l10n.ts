/**
 * The core's translator. The core never imports `vscode`, so its user-facing texts (notices,
 * error messages) go through this `t`, which the extension points at `vscode.l10n.t` at
 * activation. Unset (unit tests, English), it returns the English text with `{0}`, `{1}`…
 * replaced by `args`.
 *
 * Import it as `import * as l10n from '../l10n'` and give `l10n.t` a quoted literal (or a string
 * constant of the same file) as first argument: scripts/l10n.mjs collects exactly those calls
 * into l10n/bundle.l10n.json, and a unit test checks every one is there.
 */
export type Translator = (message: string, args: ReadonlyArray<string | number>) => string;

let translator: Translator | undefined;

/** Points the core at the editor's translations; `undefined` goes back to English. */
export function setTranslator(next: Translator | undefined): void {
  translator = next;
}

/** `message` (English, with `{n}` placeholders) translated, with the placeholders filled in. */
export function t(message: string, ...args: ReadonlyArray<string | number>): string {
  if (translator) return translator(message, args);
  return message.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}
