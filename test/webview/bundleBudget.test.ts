/**
 * The webview bundle budget: webview.js + webview.css <= 210 KB minified (150 KB until a wave
 * added context chips and mentions, tool cards, the parameters panel, history search and the
 * editor-tab workflow; 200 KB until find in the chat and a long chat's paging took the last
 * 6 KB, since VS Code gives a side bar webview no find widget of its own). About 4 KB of room:
 * it still fails on real growth. The test tiers run on
 * a development build (source maps, not minified), so the budget is measured on a production
 * build of the same entry made here, in memory, with the options `npm run package` ships. The
 * codicons font (~125 KB, `@vscode/codicons`) is a separate asset and not counted.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './harness';

const BUDGET_BYTES = 210 * 1024;

describe('webview: bundle budget', () => {
  it('keeps the production webview.js + webview.css within 210 KB', async function () {
    this.timeout(60_000);
    const result = await esbuild.build({
      entryPoints: { webview: join(REPO_ROOT, 'src', 'webview', 'main.ts') },
      outdir: join(REPO_ROOT, 'dist'),
      bundle: true,
      minify: true,
      sourcemap: false,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      loader: { '.css': 'css', '.ttf': 'file' },
      assetNames: '[name]',
      write: false,
      logLevel: 'silent',
    });
    const sizes = Object.fromEntries(result.outputFiles.map((file) => [file.path.slice(file.path.lastIndexOf('/') + 1), file.contents.byteLength]));
    assert.deepEqual(Object.keys(sizes).sort(), ['codicon.ttf', 'webview.css', 'webview.js'], 'the bundle is one script, one style sheet and the icon font');
    // The font is VS Code's own codicons file, loaded once and cached; it is not code we ship and grow.
    const total = (sizes['webview.js'] ?? 0) + (sizes['webview.css'] ?? 0);
    assert.ok(total <= BUDGET_BYTES, `webview bundle is ${total} bytes (${JSON.stringify(sizes)}), budget ${BUDGET_BYTES}`);
  });
});
