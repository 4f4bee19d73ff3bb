/**
 * The `openrouterChat.tools.*` settings, read defensively: a bad value falls back to the default
 * (tools keep working) and is named so the editor layer can log it.
 */
export interface ToolSettings {
  readonly autoApproveReadOnly: boolean;
  readonly maxRounds: number;
  readonly secretPatterns: readonly string[];
}

export const DEFAULT_TOOL_SETTINGS: ToolSettings = { autoApproveReadOnly: false, maxRounds: 15, secretPatterns: [] };

export function readToolSettings(read: (key: string) => unknown): { settings: ToolSettings; problems: string[] } {
  const problems: string[] = [];
  const autoRaw = read('tools.autoApproveReadOnly');
  const roundsRaw = read('tools.maxRounds');
  const patternsRaw = read('tools.secretFilePatterns');
  let autoApproveReadOnly = DEFAULT_TOOL_SETTINGS.autoApproveReadOnly;
  if (typeof autoRaw === 'boolean') autoApproveReadOnly = autoRaw;
  else if (autoRaw !== undefined && autoRaw !== null) problems.push('openrouterChat.tools.autoApproveReadOnly must be true or false.');
  let maxRounds = DEFAULT_TOOL_SETTINGS.maxRounds;
  if (typeof roundsRaw === 'number' && Number.isInteger(roundsRaw) && roundsRaw >= 1 && roundsRaw <= 100) maxRounds = roundsRaw;
  else if (roundsRaw !== undefined && roundsRaw !== null) problems.push('openrouterChat.tools.maxRounds must be a whole number from 1 to 100.');
  let secretPatterns: string[] = [];
  if (Array.isArray(patternsRaw) && patternsRaw.every((pattern) => typeof pattern === 'string')) secretPatterns = patternsRaw;
  else if (patternsRaw !== undefined && patternsRaw !== null) problems.push('openrouterChat.tools.secretFilePatterns must be a list of glob patterns.');
  return { settings: { autoApproveReadOnly, maxRounds, secretPatterns }, problems };
}
