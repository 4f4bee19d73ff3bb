/* global module, process */
// Webview tier: mocha in Node driving the real webview bundle in Debian Chromium.
// Loaded with `mocha --config test/.mocharc.webview.cjs` after `node esbuild.mjs && node esbuild.mjs --tests`.
module.exports = {
  spec: ['out/test/webview/**/*.test.js'],
  timeout: 30000,
  reporter: 'spec',
  'enable-source-maps': true,
  // A stray `.only` must not silently shrink the suite in CI.
  forbidOnly: Boolean(process.env.CI),
};
