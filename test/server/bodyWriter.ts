import type { ServerResponse } from 'node:http';
import { seededRandom } from '../support/index';
import type { ScriptParamValue, StreamItem } from './scriptTypes';

/**
 * Writes a streamed body with real transport faults: pieces of N bytes, seeded random pieces,
 * cuts at given byte offsets or between CR and LF, CRLF or CR line endings. Every piece is its own
 * write followed by a pause of one event-loop turn (or `gapMs`), with Nagle off on the socket, so
 * the client really sees separate reads.
 */
export interface TransportOptions {
  lineEnding: '\n' | '\r\n' | '\r';
  /** Cut every N bytes (0 = no fixed cuts). */
  pieceBytes: number;
  /** Random cuts from this seed (pieces of 1..maxPiece bytes). */
  random?: () => number;
  maxPiece: number;
  /** Absolute byte offsets in the body where a write must end. */
  splitAt: ReadonlySet<number>;
  /** Cut right after every CR, so CRLF pairs arrive in two reads. */
  splitAfterCr: boolean;
  gapMs: number;
}

export function transportOptions(params: Readonly<Record<string, ScriptParamValue>>, splitAt: readonly number[] = []): TransportOptions {
  const ending = String(params['lineEnding'] ?? 'lf').toLowerCase();
  const split = params['split'];
  const seed = Number(params['seed'] ?? 1);
  const explicit = typeof params['splitAt'] === 'string' || typeof params['splitAt'] === 'number'
    ? String(params['splitAt']).split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0)
    : [];
  return {
    lineEnding: ending === 'crlf' ? '\r\n' : ending === 'cr' ? '\r' : '\n',
    pieceBytes: split === 'random' ? 0 : Number(split ?? 0) || 0,
    ...(split === 'random' ? { random: seededRandom(seed) } : {}),
    maxPiece: Number(params['maxPiece'] ?? 64) || 64,
    splitAt: new Set([...splitAt, ...explicit]),
    splitAfterCr: Boolean(params['splitCr']),
    gapMs: Number(params['gapMs'] ?? 0) || 0,
  };
}

export function serialise(item: StreamItem): string {
  if ('data' in item) return `data: ${JSON.stringify(item.data)}\n\n`;
  if ('raw' in item) return item.raw;
  return '';
}

function isOpen(response: ServerResponse): boolean {
  return !response.destroyed && !response.writableEnded && !(response.socket?.destroyed ?? true);
}

const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/** Writes one piece, waiting for the socket to drain when its buffer is full. */
async function write(response: ServerResponse, bytes: Buffer): Promise<void> {
  if (response.write(bytes)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/** Where to cut `bytes`, which start at body offset `start`; offsets relative to `bytes`. */
function cutsFor(bytes: Buffer, start: number, options: TransportOptions, nextRandomCut: { at: number }): number[] {
  const cuts = new Set<number>();
  const byteRules = options.pieceBytes > 0 || options.splitAt.size > 0 || options.splitAfterCr;
  for (let i = 1; byteRules && i < bytes.length; i++) {
    const absolute = start + i;
    if (options.pieceBytes > 0 && absolute % options.pieceBytes === 0) cuts.add(i);
    if (options.splitAt.has(absolute)) cuts.add(i);
    if (options.splitAfterCr && bytes[i - 1] === 13) cuts.add(i);
  }
  if (options.random) {
    while (nextRandomCut.at < start + bytes.length) {
      if (nextRandomCut.at > start) cuts.add(nextRandomCut.at - start);
      nextRandomCut.at += 1 + Math.floor(options.random() * options.maxPiece);
    }
  }
  return [...cuts].sort((a, b) => a - b);
}

/**
 * Writes the items; returns false when the client went away before the end. `onWritten` hears of
 * every item that reached the socket whole (the server bills what it wrote).
 */
export async function writeItems(
  response: ServerResponse,
  items: Iterable<StreamItem>,
  options: TransportOptions,
  onWritten?: (item: StreamItem) => void,
): Promise<boolean> {
  let offset = 0;
  const nextRandomCut = { at: 0 };
  for (const item of items) {
    if (!isOpen(response)) return false;
    if ('pauseMs' in item) {
      await pause(item.pauseMs);
      continue;
    }
    let text = serialise(item);
    if (options.lineEnding !== '\n') text = text.replace(/\n/g, options.lineEnding);
    const bytes = Buffer.from(text, 'utf8');
    const cuts = cutsFor(bytes, offset, options, nextRandomCut);
    let from = 0;
    for (const cut of [...cuts, bytes.length]) {
      if (!isOpen(response)) return false;
      await write(response, bytes.subarray(from, cut));
      if (cut < bytes.length) await pause(options.gapMs);
      from = cut;
    }
    onWritten?.(item);
    if (cuts.length > 0) await pause(options.gapMs);
    offset += bytes.length;
  }
  return isOpen(response);
}
