/**
 * The one output channel ("OpenRouter Chat"). Every line passes through `redactSecrets` with the
 * keys currently known, so a key can never reach the log even inside a server's error text.
 */
import * as vscode from 'vscode';
import { redactSecrets } from '../core/openrouter/redact';

export interface Log {
  info(component: string, message: string): void;
  warn(component: string, message: string): void;
  error(component: string, message: string): void;
  /** Secrets to mask in addition to anything shaped like an OpenRouter key. */
  setKnownSecrets(secrets: readonly (string | undefined)[]): void;
  readonly channel: vscode.LogOutputChannel;
}

export function createLog(): Log {
  const channel = vscode.window.createOutputChannel('OpenRouter Chat', { log: true });
  let known: readonly (string | undefined)[] = [];
  const clean = (component: string, message: string) => `[${component}] ${redactSecrets(message, known)}`;
  return {
    channel,
    info: (component, message) => channel.info(clean(component, message)),
    warn: (component, message) => channel.warn(clean(component, message)),
    error: (component, message) => channel.error(clean(component, message)),
    setKnownSecrets: (secrets) => {
      known = secrets;
    },
  };
}
