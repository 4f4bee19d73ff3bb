/** See o200kRanks.mjs: the o200k ranks file shipped as dist/o200k.ranks.br. */
export type RawRanks = readonly (string | readonly number[])[];
export const RANKS_ESCAPE: number;
export function o200kRanks(): Promise<RawRanks>;
export function encodeRankLines(ranks: RawRanks): Buffer;
export function encodeRankFile(ranks: RawRanks): Buffer;
export function writeO200kRankFile(file: string): Promise<void>;
