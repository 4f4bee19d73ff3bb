/**
 * The second locale (German) must be complete: every string of the extension host, the webview
 * and the manifest is translated, with the same placeholders.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
// A dynamic import: the script is an ES module, the tests compile to CommonJS.
const loadCoreStrings = import('../../scripts/lib/coreStrings.mjs').then((module) => module.coreStrings);
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => (text.match(/\{\d+\}|%[\w.]+%/g) ?? []).sort();

describe('localization', () => {
  for (const [english, german] of [
    ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json'],
    ['package.nls.json', 'package.nls.de.json'],
  ] as const) {
    it(`${german} translates every string of ${english} with the same placeholders`, () => {
      const source = readJson(english);
      const translated = readJson(german);
      const missing = Object.keys(source).filter((key) => !(key in translated));
      assert.deepEqual(missing, [], `untranslated: ${missing.join(' | ')}`);
      for (const [key, text] of Object.entries(translated)) {
        assert.ok(key in source, `stale translation: ${key}`);
        assert.deepEqual(placeholders(text), placeholders(source[key]!), `placeholders differ for ${key}`);
        assert.ok(text.trim().length > 0, `empty translation for ${key}`);
      }
    });
  }

  it('the webview strings are in the host bundle', () => {
    const bundle = readJson('l10n/bundle.l10n.json');
    const source = readFileSync(join(root, 'src/shared/webviewStrings.ts'), 'utf8');
    for (const match of source.matchAll(/^\s+'((?:[^'\\]|\\.)*)',$/gm)) {
      assert.ok(match[1]!.replace(/\\'/g, "'") in bundle, `missing from the bundle: ${match[1]}`);
    }
  });

  it('the core\'s strings (its l10n.t calls) are in the host bundle', async () => {
    const coreStrings = await loadCoreStrings;
    const { strings, problems } = coreStrings(root);
    assert.deepEqual(problems, []);
    assert.ok(strings.includes('The request was stopped.'), 'the collector finds the core\'s calls');
    const bundle = readJson('l10n/bundle.l10n.json');
    const missing = strings.filter((text) => !(text in bundle));
    assert.deepEqual(missing, [], 'run npm run l10n');
  });
});
