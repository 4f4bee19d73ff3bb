/**
 * Our errors as the language-model API's: the codes a caller can act on (NoPermissions for the key,
 * Blocked for credits, rate limits and moderation, NotFound for an unknown model), each with our
 * own message, which never holds the key.
 */
import * as vscode from 'vscode';
import { OpenRouterError } from '../../core/openrouter/errors';

export function toLanguageModelError(error: unknown): Error {
  if (!(error instanceof OpenRouterError)) return error instanceof Error ? error : new Error(String(error));
  if (error.kind === 'aborted') return new vscode.CancellationError();
  const message = error.userMessage;
  switch (error.kind) {
    case 'unauthorized':
      return vscode.LanguageModelError.NoPermissions(message);
    case 'insufficientCredits':
    case 'rateLimited':
    case 'moderation':
      return vscode.LanguageModelError.Blocked(message);
    default:
      return error.status === 404 ? vscode.LanguageModelError.NotFound(message) : new vscode.LanguageModelError(message);
  }
}
