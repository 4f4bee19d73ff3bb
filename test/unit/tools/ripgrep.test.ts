/**
 * search_text's ripgrep runner with the rg binary the installed code-server (a real VS Code)
 * ships, found the way the extension finds it from `vscode.env.appRoot`.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findRipgrep, runRipgrep } from '../../../src/extension/tools/ripgrep';

const REPO = resolve(__dirname, '../../../..');
const APP_ROOT = join(REPO, '.vscode-test/code-server/node_modules/code-server/lib/vscode');
const WORKSPACE = join(REPO, 'test/fixtures/workspace');

describe('search_text ripgrep runner', function () {
  this.timeout(20_000);
  let rg: string;
  before(() => {
    const found = findRipgrep(APP_ROOT);
    assert.ok(found, `no rg under ${APP_ROOT}; run npm test once to install code-server`);
    rg = found;
  });

  const search = (options: Partial<Parameters<typeof runRipgrep>[0]> & { query: string }) =>
    runRipgrep({ rg, cwd: WORKSPACE, isRegex: false, excludes: [], cap: 200, signal: new AbortController().signal, ...options });

  it('finds fixed strings and regular expressions as path:line:text', async () => {
    const fixed = await search({ query: 'export function add(' });
    assert.deepEqual(fixed.lines, ['src/math.ts:3:export function add(a: number, b: number): number {']);
    const regex = await search({ query: 'export function (add|clamp)\\(', isRegex: true, glob: '*.ts' });
    assert.equal(regex.lines.length, 2);
    assert.equal((await search({ query: 'no such text anywhere 12345' })).lines.length, 0, 'no match is not an error');
  });

  it('leaves out files.exclude patterns and stops at the cap', async () => {
    const all = await search({ query: 'function' });
    assert.ok(all.lines.some((line) => line.startsWith('src/legacy.js:')));
    const excluded = await search({ query: 'function', excludes: ['**/legacy.js'] });
    assert.ok(!excluded.lines.some((line) => line.startsWith('src/legacy.js:')));
    const capped = await search({ query: 'function', cap: 2 });
    assert.equal(capped.lines.length, 2);
    assert.equal(capped.capped, true);
  });

  it('reports a bad regular expression and ends a running search on abort', async () => {
    await assert.rejects(search({ query: '(unclosed', isRegex: true }), /regex|unclosed|parse/i);
    const dir = await fs.mkdtemp(join(tmpdir(), 'orc-rg-'));
    // Enough files that rg is still running when the abort arrives.
    await Promise.all(Array.from({ length: 2000 }, (_, i) => fs.writeFile(join(dir, `f${i}.txt`), 'needle\n'.repeat(50))));
    const controller = new AbortController();
    const running = search({ query: 'needle', cwd: dir, cap: 1_000_000, signal: controller.signal });
    controller.abort(new Error('stopped by the user'));
    await assert.rejects(running, /stopped by the user/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
