/* global module, process */
// UI journeys: mocha in Node 20 driving code-server's workbench in Debian Chromium.
// Loaded with `mocha --config test/.mocharc.ui.cjs` after `node esbuild.mjs --tests`.
module.exports = {
  spec: ['out/test/ui/**/*.test.js'],
  require: ['out/test/ui/hooks.js'],
  // A journey starts a workbench and waits for streamed answers: generous, never tight.
  timeout: 180000,
  slow: 60000,
  reporter: 'spec',
  // A stray `.only` must not silently shrink the suite in CI.
  forbidOnly: Boolean(process.env.CI),
};
