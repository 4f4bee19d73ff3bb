/**
 * Points the token counter at the encoding bundles shipped in dist/ (loaded at first count, not
 * here: activation stays as quick as before). When one has loaded, figures already shown were
 * character estimates, so the caller recounts them; when one cannot load, the log says why and
 * counts stay estimates.
 */
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { bundleLoader } from '../../core/context/encodingBundle';
import { tokenCounter } from '../../core/context/tokenCounter';
import type { Log } from '../log';

export function useBundledEncodings(extensionPath: string, log: Log, recount: () => void): vscode.Disposable {
  tokenCounter.useLoader(bundleLoader(join(extensionPath, 'dist')));
  const loaded = tokenCounter.onDidLoad((name) => {
    log.info('context', `token counts now by ${name}`);
    recount();
  });
  const failed = tokenCounter.onDidFail((name, error) => log.warn('context', `${name} could not be loaded, token counts stay estimates: ${error}`));
  return {
    dispose: () => {
      loaded.dispose();
      failed.dispose();
      tokenCounter.useLoader(undefined);
    },
  };
}
