/**
 * o200k as the extension ships it: the ranks file written by the build's own writer
 * (scripts/lib/o200kRanks.mjs, as esbuild.mjs calls it), read back by the bundle's reader and
 * given to gpt-tokenizer's encoder. Written once per test file into a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeO200kRankFile } from '../../../scripts/lib/o200kRanks.mjs';
import { o200kCounter } from '../../../src/core/context/encodings/o200kEncoding';
import { readRankFile, type RawRanks } from '../../../src/core/context/encodings/rankFile';

let shipped: Promise<RawRanks> | undefined;

/** The rank list decoded from a freshly written ranks file. */
export function shippedO200kRanks(): Promise<RawRanks> {
  shipped ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orc-o200k-'));
    try {
      const file = join(dir, 'o200k.ranks.br');
      await writeO200kRankFile(file);
      return readRankFile(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return shipped;
}

/** The counter the extension's tokenizer bundle exports, over the shipped ranks. */
export async function shippedO200kCount(): Promise<(text: string) => number> {
  return o200kCounter(await shippedO200kRanks());
}
