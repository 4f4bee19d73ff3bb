// Regenerates l10n/bundle.l10n.json: every `vscode.l10n.t` string of the extension host, the
// webview's UI strings (translated on the host, see src/shared/webviewStrings.ts) and the core's
// notices and error texts (its own `l10n.t`, see src/core/l10n.ts). Translators
// work from this file; `npm run test:unit` checks each locale covers every string.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { coreStrings } from './lib/coreStrings.mjs';

execFileSync('npx', ['@vscode/l10n-dev', 'export', '--outDir', './l10n', './src/extension'], { stdio: 'inherit' });
const bundlePath = 'l10n/bundle.l10n.json';
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
const webviewSource = readFileSync('src/shared/webviewStrings.ts', 'utf8');
const list = webviewSource.slice(webviewSource.indexOf('['), webviewSource.indexOf('] as const'));
for (const match of list.matchAll(/'((?:[^'\\]|\\.)*)'/g)) {
  const text = match[1].replace(/\\'/g, "'");
  bundle[text] = text;
}
const core = coreStrings('.');
if (core.problems.length > 0) {
  console.error(core.problems.join('\n'));
  process.exit(1);
}
for (const text of core.strings) bundle[text] = text;
const sorted = Object.fromEntries(Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(bundlePath, JSON.stringify(sorted, null, 2) + '\n');
console.log(`${Object.keys(sorted).length} strings in ${bundlePath}`);
