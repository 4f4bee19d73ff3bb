/**
 * Entry of dist/tokenizer-o200k.js: gpt-tokenizer's encoder without its ranks, which it reads from
 * dist/o200k.ranks.br beside it (about 730 kB instead of a 1 MB JavaScript array in the .vsix,
 * see scripts/lib/o200kRanks.mjs). Loaded at first count, so neither weighs on activation.
 */
import { join } from 'node:path';
import { o200kCounter } from './o200kEncoding';
import { readRankFile } from './rankFile';

/** The ranks file's name, next to this bundle in dist/. */
const O200K_RANKS_FILE = 'o200k.ranks.br';

export const countTokens = o200kCounter(readRankFile(join(__dirname, O200K_RANKS_FILE)));
