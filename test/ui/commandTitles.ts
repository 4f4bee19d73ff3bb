/**
 * The command palette shows titles, not ids. This maps one of the extension's command ids to the
 * title the palette shows, read from the manifest (and its English package.nls.json), so journeys
 * name commands by id and survive title changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../runners/paths';

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
  readonly category?: string;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Resolves a `%key%` placeholder through package.nls.json; other strings are returned as they are. */
function localize(value: string, strings: Readonly<Record<string, string>>): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key === undefined ? value : strings[key] ?? value;
}

export function commandTitle(id: string): string {
  const root = repoRoot();
  const manifest = readJson<{ contributes?: { commands?: ContributedCommand[] } }>(join(root, 'package.json'));
  const nlsPath = join(root, 'package.nls.json');
  const strings = existsSync(nlsPath) ? readJson<Record<string, string>>(nlsPath) : {};
  const command = manifest.contributes?.commands?.find((c) => c.command === id);
  if (!command) throw new Error(`package.json contributes no command ${id}`);
  const title = localize(command.title, strings);
  return command.category ? `${localize(command.category, strings)}: ${title}` : title;
}
