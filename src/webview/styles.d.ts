// esbuild bundles CSS imported from the entry point into dist/webview.css.
declare module '*.css';
