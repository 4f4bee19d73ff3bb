/**
 * Which documents the code actions refuse: binary content (a NUL character, which text never
 * holds), and documents that are not text a model should be shown (the Output panel, a debug
 * console, notebooks' output).
 */

/** URI schemes of documents that are not source text, even though VS Code models them as text. */
const NON_TEXT_SCHEMES = new Set(['output', 'debug', 'vscode-notebook-cell-output', 'vscode-terminal']);

/** Language ids VS Code gives to content it could not read as text. */
const NON_TEXT_LANGUAGES = new Set(['binary', 'image', 'code-text-binary']);

/** True when the text contains a NUL character. `indexOf` is a native scan: ~1 ms per MB. */
export function looksBinary(text: string): boolean {
  return text.indexOf('\0') >= 0;
}

export type TextRefusal =
  | { readonly refused: false }
  | {
      readonly refused: true;
      /** Which rule refused it; the editor layer turns it into a localized message. */
      readonly kind: 'scheme' | 'language' | 'binary';
      /** The scheme or language id that was refused. */
      readonly detail: string;
    };

export function checkTextDocument(scheme: string, languageId: string, text: string): TextRefusal {
  if (NON_TEXT_SCHEMES.has(scheme)) {
    return { refused: true, kind: 'scheme', detail: scheme };
  }
  if (NON_TEXT_LANGUAGES.has(languageId)) {
    return { refused: true, kind: 'language', detail: languageId };
  }
  if (looksBinary(text)) {
    return { refused: true, kind: 'binary', detail: '' };
  }
  return { refused: false };
}
