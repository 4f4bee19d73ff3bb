/**
 * Loads an encoding from its own bundle next to the extension's (dist/tokenizer-o200k.js, which
 * reads its ranks from dist/o200k.ranks.br). The path is computed at run time so esbuild leaves
 * the `require` alone instead of inlining the encoder into the extension's chunks.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { EncodingName } from './modelEncoding';
import type { Encoding, EncodingLoader } from './tokenCounter';

const BUNDLE_FILES: Readonly<Record<EncodingName, string>> = {
  o200k_base: 'tokenizer-o200k.js',
};

export function encodingBundleFile(name: EncodingName): string {
  return BUNDLE_FILES[name];
}

/** A loader reading the bundles from `dir`; it throws when a bundle is missing or is not an encoding. */
export function bundleLoader(dir: string): EncodingLoader {
  const load = createRequire(join(dir, 'package.json'));
  return (name) => {
    const loaded: unknown = load(join(dir, encodingBundleFile(name)));
    const countTokens = (loaded as { countTokens?: unknown } | null)?.countTokens;
    if (typeof countTokens !== 'function') throw new Error(`${encodingBundleFile(name)} does not export countTokens`);
    return { countTokens: (text: string) => Number(countTokens(text)) } satisfies Encoding;
  };
}
