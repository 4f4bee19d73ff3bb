/**
 * The webview's UI strings are English in the code and translated by the host (vscode.l10n),
 * which sends the translations in `ViewState.strings`. Typing the key as `WebviewString` makes the
 * compiler refuse any string that is missing from the list the host translates.
 */
import type { WebviewString } from '../shared/webviewStrings';

let translations: Readonly<Record<string, string>> = {};

export function setTranslations(strings: Readonly<Record<string, string>>): void {
  translations = strings;
}

/** The translated text, with `{0}`, `{1}`… replaced by `args`. */
export function t(text: WebviewString, ...args: ReadonlyArray<string | number>): string {
  const template = translations[text] ?? text;
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}
