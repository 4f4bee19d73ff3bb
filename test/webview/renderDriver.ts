/**
 * Streams many answers through the real webview bundle quickly and compares each end state with
 * the one-shot render of the same text (a finished message in a `state`, the path reopening a
 * chat from history takes).
 *
 * Host messages are dispatched synchronously as `message` events, exactly what the bundle's
 * listener receives from VS Code. The page's frame clock is virtual (`VIRTUAL_FRAMES_SCRIPT`):
 * after every delta the driver moves time past the renderer's update spacing and runs the
 * animation frames the scheduler asked for, so every chunk is rendered on its own, the way a slow
 * stream is, without waiting 50 ms of real time per chunk. Hundreds of answers run in one
 * `page.evaluate`.
 */
import type { HostMessage, MessageStatus } from '../../src/shared/protocol';
import { assistantMessage, stateMessage, streamEnd, streamStart, userMessage } from './fixtures';
import type { WebviewPage } from './harness';

/**
 * Installed before the bundle: `requestAnimationFrame` callbacks wait in a queue that
 * `__frames.run()` drains at once (a real frame drains it too, so the page also works on its
 * own), and `performance.now()` runs ahead by whatever `__frames.advance(ms)` added.
 */
export const VIRTUAL_FRAMES_SCRIPT = `(() => {
  const realNow = performance.now.bind(performance);
  const realFrame = window.requestAnimationFrame.bind(window);
  let offset = 0;
  let nextId = 1;
  let pending = new Map();
  let realFrameAsked = false;
  const run = () => {
    const due = pending;
    pending = new Map();
    for (const callback of due.values()) callback(realNow() + offset);
  };
  performance.now = () => realNow() + offset;
  window.requestAnimationFrame = (callback) => {
    const id = nextId++;
    pending.set(id, callback);
    if (!realFrameAsked) {
      realFrameAsked = true;
      realFrame(() => { realFrameAsked = false; run(); });
    }
    return id;
  };
  window.cancelAnimationFrame = (id) => { pending.delete(id); };
  Object.defineProperty(window, '__frames', { value: { run, advance: (ms) => { offset += ms; } } });
})();`;

export interface StreamCase {
  /** Printed when the case fails, e.g. `spec example 42, 1-char chunks`. */
  readonly name: string;
  readonly text: string;
  /** The deltas, in order; they join to `text`. */
  readonly chunks: readonly string[];
  /** How the answer ends; the default is `done`. */
  readonly status?: Extract<MessageStatus, 'done' | 'stopped' | 'error'>;
}

export interface RenderMismatch {
  readonly name: string;
  readonly text: string;
  readonly chunks: readonly string[];
  readonly streamed: string;
  readonly oneShot: string;
}

interface PageCase {
  readonly name: string;
  readonly messageId: string;
  readonly reset: HostMessage;
  readonly stream: readonly HostMessage[];
  readonly oneShot: HostMessage;
}

function toPageCase(streamCase: StreamCase, index: number): PageCase {
  const messageId = `case-${index}`;
  const final = streamCase.status && streamCase.status !== 'done' ? { status: streamCase.status } : {};
  const plan = { messageId, content: streamCase.text, final };
  const deltas: HostMessage[] = streamCase.chunks.map((chunk) => ({ type: 'streamDelta', chatId: 'chat-1', messageId, content: chunk }));
  return {
    name: streamCase.name,
    messageId,
    reset: stateMessage(),
    stream: [streamStart({ ...plan, user: userMessage(`${messageId}-q`, 'q') }), ...deltas, streamEnd(plan)],
    oneShot: stateMessage({ messages: [userMessage(`${messageId}-q`, 'q'), assistantMessage(messageId, streamCase.text, final)] }),
  };
}

/** Streams every case (each delta rendered in its own frame) and returns the ones that ended unlike their one-shot render. */
export async function findMismatches(view: WebviewPage, cases: readonly StreamCase[], perEvaluate = 60): Promise<RenderMismatch[]> {
  const mismatches: RenderMismatch[] = [];
  for (let start = 0; start < cases.length; start += perEvaluate) {
    const batch = cases.slice(start, start + perEvaluate);
    const found = await view.page.evaluate((pageCases: PageCase[]) => {
      const frames = (window as unknown as { __frames: { run(): void; advance(ms: number): void } }).__frames;
      const deliver = (message: HostMessage): void => {
        window.dispatchEvent(new MessageEvent('message', { data: message }));
      };
      const answerHtml = (messageId: string): string => document.querySelector(`[data-message-id="${messageId}"] .markdown-body`)?.innerHTML ?? '(no answer element)';
      const failed: Array<{ index: number; streamed: string; oneShot: string }> = [];
      pageCases.forEach((pageCase, index) => {
        deliver(pageCase.reset);
        for (const message of pageCase.stream) {
          // Past the renderer's update spacing, so the delta asks for the next frame; then that frame.
          if (message.type === 'streamDelta') frames.advance(60);
          deliver(message);
          if (message.type === 'streamDelta') frames.run();
        }
        const streamed = answerHtml(pageCase.messageId);
        deliver(pageCase.oneShot);
        const oneShot = answerHtml(pageCase.messageId);
        if (streamed !== oneShot) failed.push({ index, streamed, oneShot });
      });
      // Leave the page empty for the next batch.
      if (pageCases[0]) deliver(pageCases[0].reset);
      return failed;
    }, batch.map((streamCase, index) => toPageCase(streamCase, start + index)));
    for (const { index, streamed, oneShot } of found) {
      const streamCase = batch[index] as StreamCase;
      mismatches.push({ name: streamCase.name, text: streamCase.text, chunks: streamCase.chunks, streamed, oneShot });
    }
  }
  return mismatches;
}

/** A failure message with the input, the chunks and both DOMs. */
export function describeMismatches(mismatches: readonly RenderMismatch[], limit = 5): string {
  const shown = mismatches.slice(0, limit).map((mismatch) =>
    [
      `${mismatch.name}`,
      `  text:     ${JSON.stringify(mismatch.text)}`,
      `  chunks:   ${JSON.stringify(mismatch.chunks)}`,
      `  streamed: ${mismatch.streamed}`,
      `  one-shot: ${mismatch.oneShot}`,
    ].join('\n'),
  );
  const more = mismatches.length > limit ? [`… and ${mismatches.length - limit} more: ${mismatches.slice(limit).map((m) => m.name).join('; ')}`] : [];
  return [`${mismatches.length} streamed answer(s) ended unlike their one-shot render:`, ...shown, ...more].join('\n\n');
}

// The seeded generator of every fuzz test: one implementation.
export { seededRandom } from '../support';

/** Cuts text at random places into chunks of 1 to `maxSize` characters (never inside a surrogate pair). */
export function randomChunks(text: string, random: () => number, maxSize = 12): string[] {
  const characters = Array.from(text);
  const chunks: string[] = [];
  for (let index = 0; index < characters.length; ) {
    const size = 1 + Math.floor(random() * maxSize);
    chunks.push(characters.slice(index, index + size).join(''));
    index += size;
  }
  return chunks;
}
