/**
 * Every user-facing string the webview shows, in English. The host translates each through
 * `vscode.l10n.t` and sends the result in `ViewState.strings`, so the webview needs no l10n runtime.
 * Placeholders are written `{0}`, `{1}` as in vscode.l10n.
 */
export const WEBVIEW_STRINGS = [
  'Message',
  'Send',
  'Stop',
  'Regenerate',
  'Copy',
  'Insert at cursor',
  'Apply',
  'New chat',
  'You',
  'Assistant',
] as const;

export type WebviewString = (typeof WEBVIEW_STRINGS)[number];
