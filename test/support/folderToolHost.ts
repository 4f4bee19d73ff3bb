/**
 * A WorkspaceToolHost over a real folder with Node's fs, for the core's tool-loop tests: the
 * loop, approvals and history are what those tests check; the VS Code implementations of the
 * tools are tested in the extension host (test/integration).
 */
import { promises as fs } from 'node:fs';
import { confinePath, isInside, type WorkspaceRoot } from '../../src/core/tools/pathPolicy';
import { DEFAULT_TOOL_SETTINGS, type Admission, type ToolOutcome, type ToolSettings, type WorkspaceToolHost } from '../../src/core/tools/toolLoop';
import { pathOf, type ToolRequest } from '../../src/core/tools/toolRequest';

export class FolderToolHost implements WorkspaceToolHost {
  readonly ran: ToolRequest[] = [];
  toolSettings: ToolSettings = { ...DEFAULT_TOOL_SETTINGS };
  /** Called when a read starts; a test may hold it (to Stop while a tool runs). */
  onRun: (request: ToolRequest, signal: AbortSignal) => Promise<void> = async () => undefined;

  constructor(private readonly root: WorkspaceRoot) {}

  settings(): ToolSettings {
    return this.toolSettings;
  }

  async admit(request: ToolRequest): Promise<Admission> {
    const requested = pathOf(request);
    if (requested === undefined) return { ok: true };
    const confined = confinePath(requested, [this.root]);
    if (!confined.ok) return { ok: false, reason: confined.reason };
    const real = await fs.realpath(confined.absolute).catch(() => confined.absolute);
    if (!isInside(real, await fs.realpath(this.root.path))) return { ok: false, reason: `"${requested}" leads outside the workspace.` };
    return { ok: true, relativePath: confined.relative };
  }

  async run(request: ToolRequest, signal: AbortSignal): Promise<ToolOutcome> {
    this.ran.push(request);
    await this.onRun(request, signal);
    if (request.tool !== 'read_file') return { ok: false, error: `${request.tool} is not available in this test host` };
    const confined = confinePath(request.args.path, [this.root]);
    if (!confined.ok) return { ok: false, error: confined.reason };
    try {
      const text = await fs.readFile(confined.absolute, 'utf8');
      return { ok: true, content: text, summary: `${text.split('\n').length} lines` };
    } catch (error) {
      return { ok: false, error: `Cannot read ${request.args.path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
    }
  }
}
