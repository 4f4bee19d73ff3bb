/**
 * The usual setup of a UI journey: the local OpenRouter server in this (Node 20) test process, and
 * a fresh code-server with the packaged extension pointed at it through the user setting
 * `openrouterChat.baseUrl`, the test key in OPENROUTER_API_KEY, and the chat view open.
 */
import { startOpenRouterServer } from '../server/openRouterServer';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support';
import { Workbench } from './workbench';

export interface JourneyOptions {
  /** Extra user settings, e.g. a colour theme for a screenshot. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Leave OPENROUTER_API_KEY unset (for journeys about a missing key). */
  readonly withoutKey?: boolean;
}

export interface Journey {
  readonly workbench: Workbench;
  readonly mock: MockOpenRouter;
}

/**
 * Registers `before`/`after` hooks in the calling `describe` and returns an accessor for the
 * running journey. One workbench per describe block keeps journeys independent of each other.
 */
export function useJourney(name: string, options: JourneyOptions = {}): () => Journey {
  let journey: Journey | undefined;
  let mock: MockOpenRouter | undefined;

  before(async function () {
    this.timeout(300_000);
    mock = await startOpenRouterServer({});
    const workbench = await Workbench.open({
      id: `ui-${name}-${Date.now()}`,
      settings: { 'openrouterChat.baseUrl': mock.baseUrl, ...options.settings },
      env: { OPENROUTER_API_KEY: options.withoutKey ? undefined : TEST_API_KEY },
    });
    journey = { workbench, mock };
    try {
      await workbench.openChat();
    } catch (error) {
      // A failing `before` skips the afterEach screenshot hook: take the picture here.
      const path = await workbench.screenshot(`test-results/${name}-setup.png`).catch(() => undefined);
      if (path) console.log(`      screenshot: ${path}`);
      throw error;
    }
  });

  after(async () => {
    await journey?.workbench.close();
    await mock?.close();
  });

  return () => {
    if (!journey) throw new Error('The journey did not start (see the before hook)');
    return journey;
  };
}
