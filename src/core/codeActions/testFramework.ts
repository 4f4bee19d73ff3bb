/**
 * The test framework a workspace uses, so "Write tests" asks for tests that run there. Read from
 * package.json (dependencies and scripts), then from marker files of other ecosystems.
 */

/** package.json dependency -> framework name; the first listed that is present wins. */
const NODE_FRAMEWORKS: readonly (readonly [string, string])[] = [
  ['vitest', 'vitest'],
  ['jest', 'jest'],
  ['mocha', 'mocha'],
  ['ava', 'ava'],
  ['jasmine', 'jasmine'],
  ['tap', 'tap'],
  ['uvu', 'uvu'],
  ['@playwright/test', 'Playwright Test'],
  ['cypress', 'Cypress'],
  ['@vscode/test-electron', 'mocha'],
];

interface PackageJson {
  readonly dependencies?: Record<string, unknown>;
  readonly devDependencies?: Record<string, unknown>;
  readonly scripts?: Record<string, unknown>;
}

function parsePackageJson(text: string): PackageJson | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

/** The framework package.json names, or undefined (also for text that is not JSON). */
export function frameworkFromPackageJson(text: string): string | undefined {
  const manifest = parsePackageJson(text);
  if (!manifest) return undefined;
  const deps = { ...(manifest.dependencies ?? {}), ...(manifest.devDependencies ?? {}) };
  for (const [dependency, framework] of NODE_FRAMEWORKS) if (dependency in deps) return framework;
  const scripts = Object.values(manifest.scripts ?? {}).filter((s): s is string => typeof s === 'string');
  if (scripts.some((s) => /\bnode\b[^&|;]*--test\b/.test(s))) return 'node:test';
  for (const [dependency, framework] of NODE_FRAMEWORKS) if (scripts.some((s) => new RegExp(`(^|[\\s/])${dependency}\\b`).test(s))) return framework;
  return undefined;
}

/** Marker file (base name or relative path) -> framework, for ecosystems without package.json. */
const MARKER_FILES: readonly (readonly [RegExp, string])[] = [
  [/(^|\/)(pytest\.ini|conftest\.py)$/, 'pytest'],
  [/(^|\/)(test_[^/]*|[^/]*_test)\.py$/, 'pytest'],
  [/(^|\/)go\.mod$/, 'Go testing (go test)'],
  [/(^|\/)Cargo\.toml$/, 'Rust #[test] (cargo test)'],
  [/(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/, 'JUnit'],
  [/(^|\/)[^/]*\.csproj$/, 'xUnit/NUnit (dotnet test)'],
  [/(^|\/)Gemfile$/, 'RSpec'],
];

/** pyproject.toml / setup.cfg / tox.ini text that configures pytest. */
export function mentionsPytest(configText: string): boolean {
  return /\[(tool\.pytest[^\]]*|pytest)\]/.test(configText) || /\bpytest\b/.test(configText);
}

/**
 * The workspace's framework: package.json first (the strongest signal), then marker files (paths
 * relative to the workspace), then Python config text. Undefined means none was found.
 */
export function detectTestFramework(input: {
  readonly packageJsonText?: string;
  readonly files?: readonly string[];
  readonly pythonConfigText?: string;
}): string | undefined {
  if (input.packageJsonText) {
    const fromPackage = frameworkFromPackageJson(input.packageJsonText);
    if (fromPackage) return fromPackage;
  }
  if (input.pythonConfigText && mentionsPytest(input.pythonConfigText)) return 'pytest';
  for (const [pattern, framework] of MARKER_FILES) {
    if (input.files?.some((file) => pattern.test(file.replace(/\\/g, '/')))) return framework;
  }
  return undefined;
}
