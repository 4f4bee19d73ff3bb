/** The npm package `commonmark-spec` ships no types: its examples, as its index.js builds them. */
declare module 'commonmark-spec' {
  export interface SpecExample {
    /** The input, with tabs written as `→` (the spec's notation). */
    readonly markdown: string;
    readonly html: string;
    readonly section: string;
    readonly number: number;
  }
  export const tests: readonly SpecExample[];
  export const text: string;
}
