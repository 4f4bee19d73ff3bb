// Builds the product bundles (extension host, webview, the tokenizer and its o200k ranks file) and, with --tests, the test and bench code.
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --production  minified, no sourcemaps (what `npm run package` ships)
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --tests       compile test/**, bench/** to out/ (one file per entry, deps bundled)
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extensionBuildOptions } from './scripts/lib/extensionBuild.mjs';
import { writeO200kRankFile } from './scripts/lib/o200kRanks.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Logs esbuild's problems in a format VS Code's problem matchers understand. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemReporter],
};

const productOptions = [
  {
    ...common,
    // An ES module split into chunks: see scripts/lib/extensionBuild.mjs.
    ...extensionBuildOptions,
  },
  {
    // The encoder is a bundle of its own, required at first count by a path computed at run time
    // (src/core/context/encodingBundle.ts), so the extension's chunks stay small. Its ranks are not
    // in it: they are dist/o200k.ranks.br (written below), read by the bundle when it loads.
    ...common,
    entryPoints: { 'tokenizer-o200k': 'src/core/context/encodings/o200kBase.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Nothing to debug in the encoder: a source map would only add to the files.
    sourcemap: false,
  },
  {
    ...common,
    entryPoints: { webview: 'src/webview/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // The codicons font is its own file next to the bundle (dist/codicon.ttf), loaded by the CSS.
    loader: { '.css': 'css', '.ttf': 'file' },
    assetNames: '[name]',
  },
];

/** Every .ts file under a folder: test files are entries so each can run on its own. */
function tsFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...tsFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

const testEntries = tests ? [...tsFiles('test'), ...tsFiles('bench')] : [];

const testOptions = [
  {
    ...common,
    sourcemap: true,
    entryPoints: testEntries,
    outbase: '.',
    outdir: 'out',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // vscode is provided by the extension host; mocha and playwright are loaded from node_modules.
    // commonmark-spec reads its spec.txt next to its own file at load time, so it cannot be bundled.
    external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron', 'commonmark-spec', 'esbuild', '@vscode/vsce'],
  },
];

const allOptions = tests ? testOptions : productOptions;

if (watch) {
  const contexts = await Promise.all(allOptions.map((o) => esbuild.context(o)));
  await Promise.all(contexts.map((c) => c.watch()));
  if (!tests) await writeRankFile();
  console.log('[watch] watching for changes');
} else {
  // Chunk names carry a content hash: drop the last build's, or the .vsix would ship them all.
  if (!tests) rmSync(join('dist', 'chunks'), { recursive: true, force: true });
  // cl100k is no longer built (modelEncoding.ts says why): an old build's bundle must not linger.
  if (!tests) rmSync(join('dist', 'tokenizer-cl100k.js'), { force: true });
  if (!tests) await writeRankFile();
  await Promise.all(allOptions.map((o) => esbuild.build(o)));
  if (tests) removeStaleTestOutput();
}

/**
 * Writes dist/o200k.ranks.br unless it is newer than gpt-tokenizer and its writer: brotli at
 * quality 11 takes seconds, which a development rebuild should not pay each time.
 */
async function writeRankFile() {
  const file = join('dist', 'o200k.ranks.br');
  const sources = [join('node_modules', 'gpt-tokenizer', 'package.json'), join('scripts', 'lib', 'o200kRanks.mjs')];
  if (existsSync(file) && sources.every((source) => statSync(source).mtimeMs <= statSync(file).mtimeMs)) return;
  await writeO200kRankFile(file);
}

/**
 * Drops compiled test and bench files whose source is gone, so a deleted or renamed test never
 * runs again from an old build (mocha picks up every out/test/**\/*.test.js). Only stale files
 * go: a tier running meanwhile keeps its current ones.
 */
function removeStaleTestOutput() {
  const current = new Set(testEntries.map((entry) => join('out', entry.replace(/\.ts$/, '.js'))));
  const sweep = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) sweep(path);
      else if (name.endsWith('.js') && !current.has(path)) rmSync(path);
      else if (name.endsWith('.js.map') && !current.has(path.slice(0, -'.map'.length))) rmSync(path);
    }
  };
  sweep(join('out', 'test'));
  sweep(join('out', 'bench'));
}
