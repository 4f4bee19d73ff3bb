/** The webview bundle budget: dist/webview.js + dist/webview.css <= 150 KB minified. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './harness';

const BUDGET_BYTES = 150 * 1024;

describe('webview: bundle budget', () => {
  it('keeps dist/webview.js + dist/webview.css within 150 KB (production build)', function () {
    const js = readFileSync(join(REPO_ROOT, 'dist', 'webview.js'), 'utf8');
    // The budget is about the minified bundle; a development build (with source maps) says nothing.
    if (js.includes('//# sourceMappingURL=')) this.skip();
    const total = Buffer.byteLength(js) + readFileSync(join(REPO_ROOT, 'dist', 'webview.css')).length;
    assert.ok(total <= BUDGET_BYTES, `webview bundle is ${total} bytes, budget ${BUDGET_BYTES}`);
  });
});
