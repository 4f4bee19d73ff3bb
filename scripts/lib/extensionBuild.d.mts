/** See extensionBuild.mjs: esbuild options of the extension host bundle. */
export const extensionBuildOptions: {
  entryPoints: Record<string, string>;
  outdir: string;
  splitting: boolean;
  chunkNames: string;
  outExtension: Record<string, string>;
  platform: 'node';
  format: 'esm';
  target: string;
  external: string[];
};
