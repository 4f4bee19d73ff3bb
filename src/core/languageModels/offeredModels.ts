/**
 * Which OpenRouter models the editor's language-model API offers. OpenRouter lists hundreds; a
 * model picker with all of them is noise, so the `openrouterChat.languageModels` setting narrows
 * the list to entries that are model ids, `*` patterns, or the two words below.
 */
import type { ModelInfo } from '../openrouter/types';

/** The model in `openrouterChat.model`. */
export const CONFIGURED_MODEL = '@configured';
/** The models the user picked recently (newest first). */
export const RECENT_MODELS = '@recent';
export const DEFAULT_OFFERED: readonly string[] = [CONFIGURED_MODEL, RECENT_MODELS];

export interface OfferContext {
  readonly configured: string;
  readonly recent: readonly string[];
}

export type OfferedSetting = { readonly ok: true; readonly entries: readonly string[] } | { readonly ok: false; readonly problem: string };

/** Validates the raw setting; an absent or empty value means the default. */
export function readOfferedSetting(raw: unknown, setting = 'openrouterChat.languageModels'): OfferedSetting {
  if (raw == null) return { ok: true, entries: DEFAULT_OFFERED };
  if (!Array.isArray(raw) || raw.some((entry) => typeof entry !== 'string')) {
    return { ok: false, problem: `${setting}: must be a list of model ids, patterns such as "anthropic/*", "${CONFIGURED_MODEL}" or "${RECENT_MODELS}".` };
  }
  const entries = raw.map((entry: string) => entry.trim()).filter((entry) => entry.length > 0);
  return { ok: true, entries: entries.length > 0 ? entries : DEFAULT_OFFERED };
}

/**
 * The models to offer, in this order: the configured model, then the recent ones, then the rest
 * in the order of the list from /models. Ids that /models does not know are left out: the editor
 * needs a context length and prices we would otherwise have to invent.
 */
export function offeredModels(all: readonly ModelInfo[], entries: readonly string[], context: OfferContext): ModelInfo[] {
  const byId = new Map(all.map((model) => [model.id, model]));
  const chosen = new Map<string, ModelInfo>();
  const add = (id: string): void => {
    const model = byId.get(id);
    if (model && !chosen.has(id)) chosen.set(id, model);
  };
  if (entries.includes(CONFIGURED_MODEL)) add(context.configured);
  if (entries.includes(RECENT_MODELS)) for (const id of context.recent) add(id);
  const patterns = entries.filter((entry) => entry !== CONFIGURED_MODEL && entry !== RECENT_MODELS).map(patternToRegExp);
  if (patterns.length > 0) {
    for (const model of all) if (patterns.some((pattern) => pattern.test(model.id))) add(model.id);
  }
  return [...chosen.values()];
}

/** `*` matches any run of characters (slashes included); everything else is literal. */
function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** The recent list after the user picked `id`: newest first, no duplicates, at most `limit`. */
export function withRecent(recent: readonly string[], id: string, limit = 5): string[] {
  return [id, ...recent.filter((entry) => entry !== id)].slice(0, limit);
}
