/** See coreStrings.mjs: the first argument of every `l10n.t(...)` call under src/core. */
export function coreStrings(root: string): { strings: string[]; problems: string[] };
