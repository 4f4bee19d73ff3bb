// `npm test`: every test tier in order, each under a banner, with a summary at the end.
//   check-types -> lint -> unit -> webview -> integration (code-server) -> UI journeys (code-server + Chromium)
// It checks the prerequisites first (Chromium, the code-server cache), keeps going after a failing
// tier so every result is visible, and exits non-zero if any tier failed. The last line is always
// `N passed, N failed`: mocha's passing/failing counts summed over all tiers.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APT_PREREQUISITES, setupCodeServer } from './setup-code-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each tier is an npm script; `mocha` says whether the tier reports mocha counts. */
const TIERS = [
  { name: 'types', script: 'check-types', mocha: false },
  { name: 'lint', script: 'lint', mocha: false },
  { name: 'unit', script: 'test:unit', mocha: true },
  { name: 'webview', script: 'test:webview', mocha: true },
  { name: 'integration', script: 'test:integration', mocha: true },
  { name: 'ui', script: 'test:ui', mocha: true },
];

function banner(text) {
  const line = '='.repeat(78);
  console.log(`\n${line}\n  ${text}\n${line}`);
}

/** What is missing to run the real-VS-Code tiers, each with the command that installs it. */
function checkPrerequisites() {
  const problems = [];
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    problems.push(`Chromium is missing at ${chromium} (or set CHROMIUM_PATH). Install the prerequisites with: ${APT_PREREQUISITES}`);
  }
  // Idempotent: with a complete cache it only prints "ready". It runs in this process, so the
  // nested install gets a clean environment, not the one npm gave this script (issue 12).
  const setup = setupCodeServer({ root });
  if (!setup.ok) problems.push(setup.message);
  return problems;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
const PASSING = /^\s*(\d+) passing\b/;
const FAILING = /^\s*(\d+) failing\b/;

/** The tier's npm process while it runs. */
let runningTier;

/** Everything every tier printed, for the secret scan at the end. */
const transcript = [];

/**
 * Issue 8's last promise: the test key, or any unredacted `Bearer` header, appears nowhere in the
 * output of the whole run. The key is read from the test support module, not repeated here.
 */
function scanTranscriptForSecrets() {
  const source = readFileSync(join(root, 'test', 'support', 'testKey.ts'), 'utf8');
  const key = /'(sk-or-[^']+)'/.exec(source)?.[1];
  if (!key) throw new Error('test/support/testKey.ts no longer holds the test key');
  const text = transcript.join('');
  const keyHits = text.split(key).length - 1;
  const bearerHits = (text.match(/Bearer\s+(?!\[redacted\]|sk-or-…\[redacted\])[A-Za-z0-9._~+/-]{8,}/g) ?? []).length;
  console.log(`Secret scan of the test output: ${text.length} characters, test key occurrences = ${keyHits}, Bearer headers = ${bearerHits}`);
  return keyHits + bearerHits;
}

/** Runs one tier, streaming its output through while counting mocha's summary lines. */
function runTier(tier) {
  return new Promise((resolve) => {
    const started = Date.now();
    const counts = { passed: 0, failed: 0, summaries: 0 };
    let pending = '';
    const scan = (text) => {
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const raw of lines) countLine(raw.replace(ANSI, ''), counts);
    };
    const child = spawn('npm', ['run', '--silent', tier.script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    runningTier = child;
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      transcript.push(chunk.toString('utf8'));
      scan(chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      transcript.push(chunk.toString('utf8'));
      scan(chunk.toString('utf8'));
    });
    child.on('close', (code, signal) => {
      runningTier = undefined;
      countLine(pending.replace(ANSI, ''), counts);
      resolve({ ...tier, ...counts, code: code ?? 1, signal, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function countLine(line, counts) {
  const passing = PASSING.exec(line);
  if (passing) {
    counts.passed += Number(passing[1]);
    counts.summaries += 1;
  }
  const failing = FAILING.exec(line);
  if (failing) counts.failed += Number(failing[1]);
}

function statusOf(result) {
  if (result.notRun) return 'NOT RUN (interrupted)';
  if (result.code !== 0) return 'FAILED';
  // A mocha tier that exits 0 without a summary ran no tests: never let that pass as green.
  if (result.mocha && result.summaries === 0) return 'NO TESTS';
  return 'ok';
}

function printTable(results) {
  banner('Summary');
  const rows = results.map((r) => [
    r.name,
    statusOf(r),
    r.mocha ? String(r.passed) : '-',
    r.mocha ? String(r.failed) : '-',
    `${r.seconds.toFixed(1)} s`,
  ]);
  const header = ['tier', 'status', 'passed', 'failed', 'time'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(format(row));
}

async function main() {
  const started = Date.now();
  banner('Prerequisites');
  const problems = checkPrerequisites();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`MISSING: ${problem}`);
    console.log('0 passed, 0 failed');
    return 1;
  }
  console.log('Chromium and code-server are ready.');

  // Ctrl+C reaches the running tier too (same process group); let it clean up, then stop here
  // and still print what ran instead of dying in the middle.
  let interrupted = false;
  process.on('SIGINT', () => (interrupted = true));
  process.on('SIGTERM', () => {
    interrupted = true;
    // A SIGTERM sent to this script alone must still reach the tier (npm passes it on).
    runningTier?.kill('SIGTERM');
  });

  const results = [];
  for (const [index, tier] of TIERS.entries()) {
    if (interrupted) {
      results.push({ ...tier, passed: 0, failed: 0, summaries: 0, code: 130, signal: 'SIGINT', seconds: 0, notRun: true });
      continue;
    }
    banner(`Tier ${index + 1}/${TIERS.length}: ${tier.name} (npm run ${tier.script})`);
    results.push(await runTier(tier));
  }

  printTable(results);
  const bad = results.filter((r) => statusOf(r) !== 'ok');
  for (const r of bad.filter((r) => r.mocha && r.failed === 0 && !r.notRun)) {
    console.log(`note: tier ${r.name} failed outside mocha's count (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}); see its output above.`);
  }
  const leaks = scanTranscriptForSecrets();
  console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0) + (leaks > 0 ? 1 : 0);
  console.log(`${passed} passed, ${failed} failed`);
  return bad.length > 0 || leaks > 0 ? 1 : 0;
}

process.exitCode = await main();
