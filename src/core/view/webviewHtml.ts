/**
 * The chat webview's HTML document. Pure so the webview test tier loads the very same document
 * (same CSP, same element ids) in Chromium that VS Code shows.
 */
import { randomBytes } from 'node:crypto';
import { STRINGS_ELEMENT_ID } from '../../shared/webviewStrings';

export interface WebviewHtmlInput {
  /** `webview.cspSource`: the origin local resources are served from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** UI language for `<html lang>`, e.g. `en`, `de`. */
  readonly lang?: string;
  /** Override for tests; a fresh crypto nonce is generated otherwise. */
  readonly nonce?: string;
  /**
   * The UI strings' translations (English text to translated text), embedded in the document so
   * the view is built in the user's language from its first paint, before any message arrives.
   */
  readonly strings?: Readonly<Record<string, string>>;
}

/** A nonce from the crypto RNG: a guessable nonce would let injected markup run scripts. */
export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * Strict CSP: nothing loads unless listed. Scripts only by nonce; styles and fonts only from the
 * extension's own resources. Images only inline (`data:`): the thumbnails of attached images and
 * inline images in answers; none from the network, since a model can exfiltrate data through an
 * image URL, and none from the extension, which ships none. No connect-src: the webview never
 * talks to the network.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderWebviewHtml(input: WebviewHtmlInput): string {
  const nonce = input.nonce ?? createNonce();
  const csp = contentSecurityPolicy(input.cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(input.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(input.styleUri)}">
<title>OpenRouter Chat</title>
</head>
<body>
<div id="app"></div>
${stringsBlock(input.strings)}<script nonce="${nonce}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>`;
}

/**
 * A JSON data block: `type="application/json"` is never executed (and so needs no nonce). Every
 * `<` is written `\u003c`, which JSON.parse reads back as `<`, so no text in it (a translation,
 * a model id) can close the element with `</script>` and inject markup.
 */
function stringsBlock(strings: Readonly<Record<string, string>> | undefined): string {
  if (!strings) return '';
  const json = JSON.stringify(strings).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${STRINGS_ELEMENT_ID}">${json}</script>\n`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
