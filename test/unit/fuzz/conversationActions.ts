/**
 * The actions a user (or two windows of one user) takes on the conversation, as plain data so
 * fast-check can print and shrink a failing sequence, and the faults the local server answers
 * them with. Each action names the window it happens in (0, or 1 when a second window is open).
 */
import fc from 'fast-check';

/**
 * The server's answer to a question, chosen by a `[[mock:…]]` marker in its text. Regenerate and
 * Retry send the same question again, so they meet the same fault: the realistic worst case.
 */
export const FAULTS = {
  ok: 'default',
  echo: 'echo',
  slowDrip: 'slow-drip count=12 delayMs=4',
  unauthorized: 'http-401',
  rateLimited: 'http-429 retryAfter=0',
  serverError: 'http-500',
  badGateway: 'http-502',
  midStreamError: 'midstream-error-number',
  cutOff: 'cut-off after=2',
  stall: 'stall after=1',
  lengthCut: 'truncated',
} as const;
export type Fault = keyof typeof FAULTS;

/** How long the test waits after starting an action before the next one: the interleaving. */
export type Pause = 'none' | 'started' | 'midway' | 'ended';

export type Action =
  | { readonly kind: 'send'; readonly window: number; readonly fault: Fault; readonly pause: Pause; readonly queue: boolean }
  | { readonly kind: 'codeAction'; readonly window: number; readonly fault: Fault; readonly pause: Pause }
  | { readonly kind: 'stop'; readonly window: number }
  | { readonly kind: 'newChat'; readonly window: number }
  | { readonly kind: 'openChat'; readonly window: number; readonly pick: number }
  | { readonly kind: 'deleteChat'; readonly window: number; readonly pick: number }
  | { readonly kind: 'regenerate'; readonly window: number; readonly pause: Pause }
  | { readonly kind: 'retryOlder'; readonly window: number; readonly pick: number }
  | { readonly kind: 'editResend'; readonly window: number; readonly pick: number; readonly fault: Fault; readonly pause: Pause }
  | { readonly kind: 'restart'; readonly window: number }
  | { readonly kind: 'sync'; readonly window: number }
  /** Compact: the open chat's turns summarized into one message (it streams; Stop may end it). */
  | { readonly kind: 'compact'; readonly window: number; readonly pause: Pause }
  /** The view is shown again (the side bar toggled, the tab brought back): the host resends the state. */
  | { readonly kind: 'reshow'; readonly window: number }
  | { readonly kind: 'settle' };

export interface Scenario {
  /** 1: one window; 2: a second window on the same storage folder. */
  readonly windows: 1 | 2;
  readonly actions: readonly Action[];
}

const fault = fc.constantFrom(...(Object.keys(FAULTS) as Fault[]));
const pause = fc.constantFrom<Pause>('none', 'started', 'midway', 'ended');
const pick = fc.nat({ max: 7 });

function actionIn(window: fc.Arbitrary<number>): fc.Arbitrary<Action> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('send' as const), window, fault, pause, queue: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('codeAction' as const), window, fault, pause }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('stop' as const), window }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('newChat' as const), window }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('openChat' as const), window, pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteChat' as const), window, pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('regenerate' as const), window, pause }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('retryOlder' as const), window, pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('editResend' as const), window, pick, fault, pause }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), window }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), window }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('reshow' as const), window }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), window, pause }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'settle' as const }) },
  );
}

export function scenarios(maxActions: number): fc.Arbitrary<Scenario> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ windows: fc.constant(1 as const), actions: fc.array(actionIn(fc.constant(0)), { minLength: 3, maxLength: maxActions, size: 'max' }) }) },
    { weight: 2, arbitrary: fc.record({ windows: fc.constant(2 as const), actions: fc.array(actionIn(fc.nat({ max: 1 })), { minLength: 3, maxLength: maxActions, size: 'max' }) }) },
  );
}

/** The question's text: the fault's marker and a word that makes each question unique. */
export function questionText(fault: Fault, serial: number): string {
  return `[[mock:${FAULTS[fault]}]] question ${serial}`;
}
