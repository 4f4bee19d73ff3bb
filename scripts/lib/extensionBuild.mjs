// The extension host bundle's esbuild options, shared by esbuild.mjs and the test that checks what
// activation loads (test/unit/build/activationChunks.test.ts), so both build the same thing.
//
// An ES module (VS Code loads `.mjs` extensions with `import`) so esbuild can split it: what only
// a command, the model's tools, the editor's language-model API or the `#` file index needs is a
// chunk loaded by `import()` on first use, and activation reads only dist/extension.mjs and the
// chunks it imports statically.
export const extensionBuildOptions = {
  entryPoints: { extension: 'src/extension/extension.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['vscode'],
};
