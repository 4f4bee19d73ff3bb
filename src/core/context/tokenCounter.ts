/**
 * The one place tokens are counted for a model: the context meter, the attachment chips, fitting a
 * chat into the window, the selection size check, the cost guard and the editor's token count all
 * ask here. Counts come from a real BPE encoding (o200k, see modelEncoding.ts), loaded from its
 * own bundle at first use, off the activation path. Until it is loaded, or if it cannot
 * be, the character estimate stands in, so counting never blocks or fails.
 */
import { estimateTokens } from '../openrouter/pricing';
import { encodingFor, type EncodingName } from './modelEncoding';
import { TokenCountCache } from './tokenCountCache';

export interface Encoding {
  countTokens(text: string): number;
}

/** Loads an encoding synchronously (a `require`); throws when it cannot. */
export type EncodingLoader = (name: EncodingName) => Encoding;

type LoadState = { readonly kind: 'loading'; readonly done: Promise<boolean> } | { readonly kind: 'loaded'; readonly encoding: Encoding } | { readonly kind: 'failed'; readonly error: string };

export class TokenCounter {
  private loader: EncodingLoader | undefined;
  /** Bumped by each `useLoader`, so a load begun for an earlier loader does not land afterwards. */
  private generation = 0;
  private readonly states = new Map<EncodingName, LoadState>();
  private readonly caches = new Map<EncodingName, TokenCountCache>();
  private readonly loadListeners = new Set<(name: EncodingName) => void>();
  private readonly failListeners = new Set<(name: EncodingName, error: string) => void>();

  /** `defer` runs a load later: after the current work, so a count never waits for megabytes of ranks. */
  constructor(private readonly defer: (run: () => void) => void = (run) => void setImmediate(run)) {}

  /**
   * Where encodings come from (the editor layer points it at dist/). Forgets what an earlier loader
   * gave or failed to give, and the counts made with it.
   */
  useLoader(loader: EncodingLoader | undefined): void {
    this.loader = loader;
    this.generation++;
    this.states.clear();
    this.caches.clear();
  }

  /** Tokens of `text` for `model` (o200k when no model is known): exact once the encoding is loaded. */
  count(text: string, model?: string): number {
    if (text.length === 0) return 0;
    const name = encodingFor(model);
    const encoding = this.encoding(name);
    if (!encoding) return estimateTokens(text);
    const cache = this.cacheFor(name);
    const cached = cache.get(text);
    if (cached !== undefined) return cached;
    let counted: number;
    try {
      counted = encoding.countTokens(text);
    } catch {
      // A text the encoding refuses is still counted: the meter must never fail on content.
      return estimateTokens(text);
    }
    cache.set(text, counted);
    return counted;
  }

  /** Whether counts for `model` come from its encoding now (not the character estimate). */
  exact(model?: string): boolean {
    return this.states.get(encodingFor(model))?.kind === 'loaded';
  }

  /** Starts loading the encoding for `model` (if not yet); resolves whether counts are exact. */
  ready(model?: string): Promise<boolean> {
    const name = encodingFor(model);
    this.encoding(name);
    const state = this.states.get(name);
    if (state?.kind === 'loading') return state.done;
    return Promise.resolve(state?.kind === 'loaded');
  }

  /** An encoding finished loading: figures shown so far were estimates and may be recounted. */
  onDidLoad(listener: (name: EncodingName) => void): { dispose(): void } {
    this.loadListeners.add(listener);
    return { dispose: () => this.loadListeners.delete(listener) };
  }

  /** An encoding could not be loaded: counts for it stay estimates (the caller logs why). */
  onDidFail(listener: (name: EncodingName, error: string) => void): { dispose(): void } {
    this.failListeners.add(listener);
    return { dispose: () => this.failListeners.delete(listener) };
  }

  /** The loaded encoding, or undefined after scheduling its load. */
  private encoding(name: EncodingName): Encoding | undefined {
    const state = this.states.get(name);
    if (state?.kind === 'loaded') return state.encoding;
    if (state || !this.loader) return undefined;
    const loader = this.loader;
    const generation = this.generation;
    let finish: (loaded: boolean) => void = () => undefined;
    const done = new Promise<boolean>((resolve) => (finish = resolve));
    this.states.set(name, { kind: 'loading', done });
    this.defer(() => finish(generation === this.generation && this.load(name, loader)));
    // A `defer` that runs at once (tests) has loaded it already.
    const now = this.states.get(name);
    return now?.kind === 'loaded' ? now.encoding : undefined;
  }

  private load(name: EncodingName, loader: EncodingLoader): boolean {
    let encoding: Encoding;
    try {
      encoding = loader(name);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.states.set(name, { kind: 'failed', error: message });
      for (const listener of this.failListeners) listener(name, message);
      return false;
    }
    this.states.set(name, { kind: 'loaded', encoding });
    for (const listener of this.loadListeners) listener(name);
    return true;
  }

  private cacheFor(name: EncodingName): TokenCountCache {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new TokenCountCache()));
    return cache;
  }
}

/** The extension's counter: the editor layer gives it a loader at activation. */
export const tokenCounter = new TokenCounter();

/** Tokens of `text` for `model` by the extension's counter (o200k when no model is known). */
export function countTokens(text: string, model?: string): number {
  return tokenCounter.count(text, model);
}
