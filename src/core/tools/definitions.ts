/**
 * The workspace tools offered to the model, as OpenAI-style function definitions (the shape
 * OpenRouter forwards to every provider), and the server tool for web search.
 */
import type { ModelInfo } from '../openrouter/types';

export const TOOL_NAMES = ['read_file', 'list_files', 'search_text', 'get_diagnostics', 'get_symbols', 'propose_edit'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** Tools that only look: the user may auto-approve these (except for secret-looking files). */
export const READ_ONLY_TOOLS: ReadonlySet<ToolName> = new Set(['read_file', 'list_files', 'search_text', 'get_diagnostics', 'get_symbols']);

export function isToolName(name: string): name is ToolName {
  return (TOOL_NAMES as readonly string[]).includes(name);
}

export interface FunctionTool {
  readonly type: 'function';
  readonly function: { readonly name: ToolName; readonly description: string; readonly parameters: Record<string, unknown> };
}

/** OpenRouter's server-side web search; results come back as `url_citation` annotations. */
export const WEB_SEARCH_TOOL = { type: 'openrouter:web_search' } as const;

const PATH = { type: 'string', description: 'Path relative to the workspace root (or to a named workspace folder: "folder/path").' };

function tool(name: ToolName, description: string, properties: Record<string, unknown>, required: string[]): FunctionTool {
  return { type: 'function', function: { name, description, parameters: { type: 'object', properties, required, additionalProperties: false } } };
}

export const WORKSPACE_TOOLS: readonly FunctionTool[] = [
  tool(
    'read_file',
    'Read a text file of the workspace. Long files are cut; ask again with a line range for the rest.',
    {
      path: PATH,
      startLine: { type: 'integer', minimum: 1, description: 'First line to read (1-based).' },
      endLine: { type: 'integer', minimum: 1, description: 'Last line to read (inclusive).' },
    },
    ['path'],
  ),
  tool(
    'list_files',
    'List files of the workspace under a folder, optionally filtered by a glob such as "**/*.ts". Excluded files are left out.',
    {
      folder: { type: 'string', description: 'Folder relative to the workspace root; "" or "." for the root.' },
      glob: { type: 'string', description: 'Glob relative to the folder, default "**/*".' },
    },
    [],
  ),
  tool(
    'search_text',
    'Search the text of the workspace files (ripgrep). Returns matching lines as path:line: text, capped.',
    {
      query: { type: 'string', description: 'Text to find, or a regular expression when isRegex is true.' },
      isRegex: { type: 'boolean', description: 'Treat query as a regular expression (Rust regex syntax).' },
      glob: { type: 'string', description: 'Only search files matching this glob, e.g. "src/**/*.ts".' },
    },
    ['query'],
  ),
  tool(
    'get_diagnostics',
    'Errors and warnings VS Code shows for one file, or for the whole workspace when no path is given.',
    { path: PATH },
    [],
  ),
  tool(
    'get_symbols',
    'Symbols (functions, classes, variables) of one file, or workspace symbols matching a query.',
    { path: PATH, query: { type: 'string', description: 'Name to search across the workspace when no path is given.' } },
    [],
  ),
  tool(
    'propose_edit',
    'Propose a change to a file. The user reviews it in a diff and accepts or discards it; nothing is written without that.',
    {
      path: PATH,
      oldText: { type: 'string', description: 'Exact text to replace (must occur once). Empty with no range: replace the whole file.' },
      startLine: { type: 'integer', minimum: 1, description: 'Instead of oldText: first line of the range to replace.' },
      endLine: { type: 'integer', minimum: 1, description: 'Instead of oldText: last line of the range to replace (inclusive).' },
      newText: { type: 'string', description: 'The replacement text.' },
    },
    ['path', 'newText'],
  ),
];

/** Does this model accept function tools? Unknown models (no /models entry) are not offered any. */
export function modelSupportsTools(model: ModelInfo | undefined): boolean {
  return model?.supportedParameters.includes('tools') ?? false;
}

/**
 * The `tools` array for a request: the workspace tools when the model takes them, the web search
 * server tool when the user turned it on for this question. Undefined when there is nothing.
 */
export function toolsForRequest(model: ModelInfo | undefined, options: { workspaceTools: boolean; webSearch: boolean }): unknown[] | undefined {
  const tools: unknown[] = [];
  if (options.workspaceTools && modelSupportsTools(model)) tools.push(...WORKSPACE_TOOLS);
  if (options.webSearch) tools.push(WEB_SEARCH_TOOL);
  return tools.length > 0 ? tools : undefined;
}
