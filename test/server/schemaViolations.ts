/**
 * Every request body a local server of this process refused for failing the `@openrouter/sdk`
 * schema. The unit tier's root hook (`test/unit/requestSchemaHook.ts`) fails the test during
 * which one arrived, even when that test expected an error and would otherwise pass.
 *
 * Each test file is bundled on its own, so each has its own copy of this module: the list lives
 * on `globalThis`, shared by all of them.
 */
const KEY = Symbol.for('openrouter-chat.test.schemaViolations');

function list(): string[][] {
  const holder = globalThis as { [KEY]?: string[][] };
  return (holder[KEY] ??= []);
}

export function noteSchemaViolation(problems: string[]): void {
  list().push(problems);
}

/** The violations noted since the last call, and forgets them. */
export function takeSchemaViolations(): string[][] {
  const current = list();
  return current.splice(0, current.length);
}
