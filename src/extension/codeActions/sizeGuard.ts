/**
 * Keeps a code action's request inside the model's context window: measures the code against the
 * window from /models, and when it is too large says so with the numbers and offers to send the
 * leading lines that fit.
 */
import * as vscode from 'vscode';
import { answerReserve, checkSelectionSize, formatCount, firstLines, type ModelWindow } from '../../core/codeActions/selectionSize';
import type { OpenRouterService } from '../openRouterService';
import { readConfiguration } from '../configuration';
import type { Log } from '../log';

/** gpt-oss-120b's window: assumed when /models cannot be read, so a huge selection is still caught. */
const FALLBACK_CONTEXT_LENGTH = 131_072;

export type SizedCode = { readonly code: string; readonly lines?: number } | undefined;

async function modelWindow(service: OpenRouterService, log: Log): Promise<ModelWindow | undefined> {
  const result = readConfiguration();
  // Invalid settings: the send itself names the bad setting, nothing to measure against here.
  if (!result.ok) return undefined;
  const config = result.config;
  const info = await service.modelInfo(config);
  if (!info) log.warn('codeActions', `no model info for ${config.model}; assuming a ${FALLBACK_CONTEXT_LENGTH}-token window`);
  return {
    modelId: config.model,
    contextLength: info?.contextLength ?? FALLBACK_CONTEXT_LENGTH,
    ...(info?.maxCompletionTokens !== undefined ? { maxCompletionTokens: info.maxCompletionTokens } : {}),
    ...(config.maxTokens !== undefined ? { maxTokensSetting: config.maxTokens } : {}),
  };
}

/**
 * The code to send: all of it, its first lines (the user agreed), or undefined (refused or
 * cancelled; the user has been told). `overhead` is the prompt text around the code.
 */
export async function fitCodeToModel(code: string, overhead: string, service: OpenRouterService, log: Log): Promise<SizedCode> {
  const window = await modelWindow(service, log);
  if (!window) return { code };
  const check = checkSelectionSize(code, window, overhead);
  if (check.fits) return { code };
  log.info('codeActions', `selection too large: ~${check.tokens} tokens, budget ${check.budget}, ${check.fittingLines}/${check.totalLines} lines fit`);
  const message = vscode.l10n.t(
    'The selection is about {0} tokens; {1} accepts {2} including the answer (about {3} kept for it), so about {4} are left for code.',
    formatCount(check.tokens),
    window.modelId,
    formatCount(window.contextLength),
    formatCount(answerReserve(window)),
    formatCount(check.budget),
  );
  if (check.fittingLines === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} Not even its first line fits: select a smaller part.', message));
    return undefined;
  }
  const send = vscode.l10n.t('Send first {0} lines', formatCount(check.fittingLines));
  const choice = await vscode.window.showWarningMessage(
    message,
    { modal: true, detail: vscode.l10n.t('The first {0} of {1} lines fit.', formatCount(check.fittingLines), formatCount(check.totalLines)) },
    send,
  );
  if (choice !== send) return undefined;
  return { code: firstLines(code, check.fittingLines), lines: check.fittingLines };
}
