// The environment for the nested `npm install` of code-server (scripts/setup-code-server.mjs).
//
// Why this exists: `npm test` and `npm start` run the setup as an npm script, and npm hands its
// children NODE, npm_node_execpath, INIT_CWD, dozens of npm_config_* values (nodedir=/usr from
// ~/.npmrc, an empty allow_scripts, local_prefix=this project...) and a PATH that starts with this
// project's node_modules/.bin and npm's own node-gyp-bin. Passed on, they make the nested install
// build code-server's native modules for, and run its postinstall under, the outer Node 20, which
// code-server refuses. The nested install must look as if typed in a fresh shell with Node 24 first.
import { delimiter as pathDelimiter, join } from 'node:path';

/** Variables npm sets for the scripts it runs; none of them may reach the nested install. */
const NPM_RUN_VARIABLES = new Set(['NODE', 'INIT_CWD', 'COLOR', 'EDITOR', '_']);

/** PATH entries npm prepends for scripts: package binaries and its node-gyp shim. */
function isNpmScriptPathEntry(entry) {
  const normalized = entry.replace(/\\/g, '/').replace(/\/+$/, '');
  return normalized.endsWith('/node_modules/.bin') || normalized.endsWith('/node-gyp-bin');
}

/**
 * @param {Record<string, string | undefined>} outerEnv the environment of the calling process
 * @param {string} node24Dir the folder of the Node 24 package (holds bin/node and include/node)
 * @param {string} [delimiter] PATH's separator (the platform's by default)
 * @returns {Record<string, string>}
 */
export function nestedInstallEnv(outerEnv, node24Dir, delimiter = pathDelimiter) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [name, value] of Object.entries(outerEnv)) {
    if (value === undefined) continue;
    if (/^npm_/i.test(name) || NPM_RUN_VARIABLES.has(name)) continue;
    env[name] = value;
  }
  const pathName = Object.keys(outerEnv).find((name) => name.toUpperCase() === 'PATH') ?? 'PATH';
  const outerPath = (outerEnv[pathName] ?? '').split(delimiter).filter((entry) => entry && !isNpmScriptPathEntry(entry));
  const node24Bin = join(node24Dir, 'bin');
  env[pathName] = [node24Bin, ...outerPath.filter((entry) => entry !== node24Bin)].join(delimiter);
  // Native modules compile against Node 24's headers (~/.npmrc may name Node 20's), the install asks
  // nothing (~/.npmrc may say yes=false), and code-server's own install scripts may run.
  env.npm_config_nodedir = node24Dir;
  env.npm_config_yes = 'true';
  env.npm_config_dangerously_allow_all_scripts = 'true';
  return env;
}
