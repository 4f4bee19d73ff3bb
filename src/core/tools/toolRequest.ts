/**
 * A model's tool call, parsed: the arguments are JSON text written by a model, so they are checked
 * here once and every later step works on typed values. A call that does not parse becomes an
 * error result for the model (it can correct itself), never an exception.
 */
// zod/mini, as for the webview messages: full zod would multiply the extension bundle's size.
import * as z from 'zod/mini';
import type { ToolCall } from '../openrouter/types';
import { isToolName } from './definitions';

const line = z.int().check(z.gte(1));
const text = z.string();
const nonEmpty = z.string().check(z.minLength(1));

const SCHEMAS = {
  read_file: z.object({ path: nonEmpty, startLine: z.optional(line), endLine: z.optional(line) }),
  list_files: z.object({ folder: z.optional(text), glob: z.optional(text) }),
  search_text: z.object({ query: nonEmpty, isRegex: z.optional(z.boolean()), glob: z.optional(text) }),
  get_diagnostics: z.object({ path: z.optional(text) }),
  get_symbols: z.object({ path: z.optional(text), query: z.optional(text) }),
  propose_edit: z.object({
    path: nonEmpty,
    oldText: z.optional(text),
    startLine: z.optional(line),
    endLine: z.optional(line),
    newText: text,
  }),
} as const;

type Schemas = typeof SCHEMAS;
export type ToolRequest = { [N in keyof Schemas]: { readonly tool: N; readonly args: z.infer<Schemas[N]> } }[keyof Schemas];

export type ParsedCall = { readonly ok: true; readonly request: ToolRequest } | { readonly ok: false; readonly error: string };

export function parseToolCall(call: ToolCall): ParsedCall {
  const name = call.function.name;
  if (!isToolName(name)) return { ok: false, error: `There is no tool named "${name}".` };
  let json: unknown;
  try {
    json = call.function.arguments.trim() === '' ? {} : JSON.parse(call.function.arguments);
  } catch {
    return { ok: false, error: `The arguments of ${name} are not valid JSON.` };
  }
  // Models sometimes send null for an omitted optional argument; treat it as absent.
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    json = Object.fromEntries(Object.entries(json).filter(([, value]) => value !== null));
  }
  const parsed = SCHEMAS[name].safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
    return { ok: false, error: `Invalid arguments for ${name}: ${problems}.` };
  }
  const request = { tool: name, args: parsed.data } as ToolRequest;
  if ((request.tool === 'read_file' || request.tool === 'propose_edit') && request.args.startLine && request.args.endLine && request.args.endLine < request.args.startLine) {
    return { ok: false, error: `Invalid arguments for ${name}: endLine is before startLine.` };
  }
  return { ok: true, request };
}

/** The path a request touches, if any (for confinement and the secret-file rule). */
export function pathOf(request: ToolRequest): string | undefined {
  switch (request.tool) {
    case 'read_file':
    case 'propose_edit':
      return request.args.path;
    case 'list_files':
      return request.args.folder ?? '';
    case 'get_diagnostics':
    case 'get_symbols':
      return request.args.path;
    case 'search_text':
      return undefined;
  }
}

/** The call in words, for the card: "Read src/math.ts, lines 1-40". */
export function describeRequest(request: ToolRequest): string {
  switch (request.tool) {
    case 'read_file': {
      const { path, startLine, endLine } = request.args;
      if (startLine === undefined && endLine === undefined) return `Read ${path}`;
      return `Read ${path}, lines ${startLine ?? 1}-${endLine ?? 'end'}`;
    }
    case 'list_files': {
      const folder = request.args.folder && request.args.folder !== '.' ? request.args.folder : 'the workspace';
      return `List files in ${folder}${request.args.glob ? ` matching ${request.args.glob}` : ''}`;
    }
    case 'search_text':
      return `Search for ${request.args.isRegex ? 'the pattern ' : ''}"${request.args.query}"${request.args.glob ? ` in ${request.args.glob}` : ''}`;
    case 'get_diagnostics':
      return request.args.path ? `Get the problems of ${request.args.path}` : 'Get the problems of the workspace';
    case 'get_symbols':
      if (request.args.path) return `Get the symbols of ${request.args.path}`;
      return `Find symbols named "${request.args.query ?? ''}"`;
    case 'propose_edit': {
      const { path, startLine, endLine } = request.args;
      return startLine !== undefined ? `Propose an edit to ${path}, lines ${startLine}-${endLine ?? startLine}` : `Propose an edit to ${path}`;
    }
  }
}
