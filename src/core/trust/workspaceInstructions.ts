/**
 * The rules for a repository's instructions file (`.openrouter/instructions.md`). Its text goes
 * into the system prompt, so it can steer the code the user then inserts or applies: it is used
 * only in a trusted workspace and while the user's switch is on, and the user is told, naming the
 * file, the first time it is used and after each change.
 */

export const INSTRUCTIONS_FILE = '.openrouter/instructions.md';
/** A runaway file must not eat the context window. */
export const MAX_INSTRUCTIONS_CHARS = 20_000;

/** One instructions file that was read. */
export interface InstructionsFile {
  /** How the user knows the file, e.g. `my-repo/.openrouter/instructions.md`. */
  readonly path: string;
  readonly text: string;
  /** Changes whenever the text does (a hash); what the user was told about is remembered by it. */
  readonly fingerprint: string;
}

export type InstructionsUse = { readonly use: true } | { readonly use: false; readonly reason: 'untrusted' | 'turnedOff' };

/** Whether the workspace's instructions may be used at all. Only `false` turns the switch off. */
export function instructionsUse(workspaceTrusted: boolean, switchValue: unknown): InstructionsUse {
  if (!workspaceTrusted) return { use: false, reason: 'untrusted' };
  if (switchValue === false) return { use: false, reason: 'turnedOff' };
  return { use: true };
}

/** Fingerprints the user was last told about, by file path. */
export type AnnouncedInstructions = Readonly<Record<string, string>>;

/** The files the user has not been told about in their current form, and the record after telling. */
export function announcementsDue(files: readonly InstructionsFile[], announced: AnnouncedInstructions): { due: InstructionsFile[]; announced: AnnouncedInstructions } {
  const due = files.filter((file) => announced[file.path] !== file.fingerprint);
  const next: Record<string, string> = { ...announced };
  for (const file of due) next[file.path] = file.fingerprint;
  return { due, announced: next };
}

/** The setting's prompt, then each file's text (trimmed, capped), joined; undefined when empty. */
export function joinSystemPrompt(settingPrompt: string, files: readonly InstructionsFile[]): string | undefined {
  const parts = [settingPrompt.trim(), ...files.map((file) => file.text.trim().slice(0, MAX_INSTRUCTIONS_CHARS))].filter((part) => part.length > 0);
  return parts.length ? parts.join('\n\n') : undefined;
}
