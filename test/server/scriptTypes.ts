/** What a script tells the local OpenRouter server to answer. */

export type ScriptParamValue = string | number | boolean;

/** A script name plus parameters, e.g. `{ script: 'slow-drip', count: 200, delayMs: 30 }`. */
export interface ScriptSpec {
  script: string;
  [param: string]: ScriptParamValue;
}

export interface ScriptContext {
  params: Readonly<Record<string, ScriptParamValue>>;
  /** Text of the last user message, with any `[[mock:…]]` marker removed. */
  lastUserText: string;
  /** The parsed request body (chat completions only). */
  body: Record<string, unknown>;
  generationId: string;
  model: string;
}

/** One piece of a streamed body. */
export type StreamItem =
  /** Serialised as `data: <json>\n\n`. */
  | { data: unknown }
  /** Written verbatim: doc transcripts, comments, deliberately odd framing. */
  | { raw: string }
  /** Wait before writing what follows (slow streams, keep-alive gaps). */
  | { pauseMs: number };

export type ScriptPlan =
  | { kind: 'http'; status: number; headers?: Record<string, string>; contentType?: string; body: string }
  | {
      kind: 'stream';
      items: Iterable<StreamItem>;
      /** How the body ends: normally, by destroying the socket, or never (socket kept open). */
      ending: 'end' | 'destroy' | 'hang';
      /** Byte offsets (in the whole body) where writes must be split; overrides the `split` param. */
      splitAt?: number[];
    };

export type Script = (context: ScriptContext) => ScriptPlan;

export function numberParam(context: ScriptContext, name: string, fallback: number): number {
  const value = context.params[name];
  const parsed = typeof value === 'number' ? value : Number(value);
  return value === undefined || Number.isNaN(parsed) ? fallback : parsed;
}

export function stringParam(context: ScriptContext, name: string, fallback: string): string {
  const value = context.params[name];
  return value === undefined ? fallback : String(value);
}
