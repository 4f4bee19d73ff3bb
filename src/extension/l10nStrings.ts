/** The webview's UI strings, translated on the host where `vscode.l10n` lives. */
import * as vscode from 'vscode';
import { WEBVIEW_STRINGS } from '../shared/webviewStrings';

export function webviewStrings(): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const english of WEBVIEW_STRINGS) {
    const translated = vscode.l10n.t(english);
    if (translated !== english) strings[english] = translated;
  }
  return strings;
}
