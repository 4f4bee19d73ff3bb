/**
 * Mocha root hook of the unit tier (see `.mocharc.unit.json`): a test during which the local
 * server received a chat body that fails the `@openrouter/sdk` request schema fails, whatever it
 * asserted itself.
 */
import { takeSchemaViolations } from '../server/schemaViolations';

export const mochaHooks = {
  beforeEach(): void {
    takeSchemaViolations();
  },
  afterEach(): void {
    const violations = takeSchemaViolations();
    if (violations.length > 0) {
      const count = violations.length === 1 ? '1 request body that fails' : `${violations.length} request bodies that fail`;
      throw new Error(`The local server received ${count} the @openrouter/sdk schema:\n${violations.map((v) => `  - ${v.join('; ')}`).join('\n')}`);
    }
  },
};
