// Issue 21: model-based testing of the conversation. fast-check draws sequences of what users do
// (send, stop, New chat, open and delete chats, Regenerate, Retry under an older answer, Edit and
// resend, Compact, a code action, a window reload, a second window on the same folder) against answers with
// faults (401, 429 with Retry-After, 5xx, mid-stream error, cut-off, stall past the timeout, slow
// drip, length cut). The real sessions, store and local server run them; the invariants of
// conversationInvariants.ts are checked after every step. A failure prints the seed and the
// shrunk sequence; `FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run test:unit -- --grep "conversation model"`
// replays it. `npm run fuzz:deep` runs 10,000 sequences.
import fc from 'fast-check';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';
import { scenarios, type Scenario } from './conversationActions';
import { checkAlways, checkSettled, counts } from './conversationInvariants';
import { ConversationWorld, describeWorld, midStream } from './conversationWorld';

/** About a minute of `npm test` on the 2-core CI machine. */
const DEFAULT_RUNS = 250;
/**
 * `npm test` draws the same 250 sequences each time, so a CI run can be reproduced; the timing of
 * real sockets still varies from run to run. `npm run fuzz:deep` and any FUZZ_SEED draw new ones.
 */
const CI_SEED = 20261130;
const MAX_ACTIONS = 24;

describe('conversation model (fuzz)', function () {
  this.timeout(fuzzTimeout(DEFAULT_RUNS, 2000));
  let server: MockOpenRouter;
  let steps = 0;
  let sequences = 0;

  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => {
    await server.close();
    const questions = lastQuestions;
    console.log(
      `      conversation fuzz: ${sequences} sequences, ${steps} steps, ${questions} questions, ` +
        `${counts.always} step invariant checks, ${counts.settled} settled checks`,
    );
    console.log(`      actions taken while an answer ran: ${[...midStream].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  });
  let lastQuestions = 0;

  it('keeps every question, one answer at a time, Stop in reach and the disk equal to the windows', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios(MAX_ACTIONS), async (scenario: Scenario) => {
        sequences += 1;
        const world = await ConversationWorld.open(server, scenario.windows);
        try {
          for (const action of scenario.actions) {
            await world.run(action);
            steps += 1;
            checkAlways(world);
            if (action.kind === 'settle') await checkSettled(world);
          }
          await world.settle();
          checkAlways(world);
          await checkSettled(world);
          lastQuestions += world.model.questions;
          // Deep runs take long: a line now and then says how far they got.
          if (sequences % 1000 === 0) console.log(`      … ${sequences} sequences, ${steps} steps, no invariant broken`);
        } catch (error) {
          // What each window, the files and the model held when it failed, beside the assertion.
          if (error instanceof Error) error.message += `\n${await describeWorld(world)}`;
          throw error;
        } finally {
          await world.close();
        }
      }),
      fuzzParameters(DEFAULT_RUNS, CI_SEED),
    );
  });
});
