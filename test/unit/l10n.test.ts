/**
 * The second locale (German) must be complete: every string of the extension host, the webview
 * and the manifest is translated, with the same placeholders.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
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
});
