/**
 * Settings that carry the user's trust: where the API key goes, how much a request may cost,
 * whether a repository's text may reach the model. A cloned repository must not be able to set
 * them, so they come from the user's own settings only. The manifest gives them
 * `scope: "application"` (VS Code then drops workspace values before the extension sees them);
 * this module finds what a workspace tried anyway, so the user is told instead of left guessing.
 */

/**
 * Keys under `openrouterChat.` that only user settings may set: where the key goes, the cost
 * guard, and whether the repository's instructions file may reach the model.
 */
export const USER_ONLY_SETTINGS = ['baseUrl', 'maxCostPerRequest', 'useWorkspaceInstructions'] as const;
export type UserOnlySetting = (typeof USER_ONLY_SETTINGS)[number];

export function isUserOnlySetting(key: string): key is UserOnlySetting {
  return (USER_ONLY_SETTINGS as readonly string[]).includes(key);
}

/** What `WorkspaceConfiguration.inspect` reports, reduced to the parts that matter here. */
export interface InspectedValue {
  readonly defaultValue?: unknown;
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/**
 * The value a user-only setting has: the user's, else the default. A workspace or folder value is
 * never used, even by an editor that did not drop it.
 */
export function userOnlyValue(inspected: InspectedValue | undefined): unknown {
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/** A user-only setting that a workspace or folder tried to set. */
export interface IgnoredSetting {
  readonly key: UserOnlySetting;
  /** Full id, e.g. `openrouterChat.baseUrl`. */
  readonly setting: string;
  /** Where it was found: a settings file path, or `workspace settings`. */
  readonly source: string;
  readonly value: unknown;
}

/**
 * User-only settings present in a parsed settings object (a `.vscode/settings.json`, or the
 * `settings` of a `.code-workspace`). Both spellings VS Code accepts count: `"section.key": v` and
 * `"section": { "key": v }`.
 */
export function userOnlySettingsIn(settings: unknown, section: string, source: string): IgnoredSetting[] {
  if (!isRecord(settings)) return [];
  const found: IgnoredSetting[] = [];
  const nested = settings[section];
  for (const key of USER_ONLY_SETTINGS) {
    const setting = `${section}.${key}`;
    if (Object.hasOwn(settings, setting)) found.push({ key, setting, source, value: settings[setting] });
    else if (isRecord(nested) && Object.hasOwn(nested, key)) found.push({ key, setting, source, value: nested[key] });
  }
  return found;
}

/** User-only settings that `inspect` shows with a workspace or folder value. */
export function userOnlySettingsInspected(inspect: (key: string) => InspectedValue | undefined, section: string): IgnoredSetting[] {
  const found: IgnoredSetting[] = [];
  for (const key of USER_ONLY_SETTINGS) {
    const inspected = inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
    if (value !== undefined) found.push({ key, setting: `${section}.${key}`, source: 'workspace settings', value });
  }
  return found;
}

/**
 * Remembers what was reported, so each ignored value is reported once per window; a different
 * value in the same place is a new attempt and is reported again.
 */
export class IgnoredSettingReports {
  private readonly reported = new Set<string>();

  /** The entries not reported before, now marked as reported. */
  fresh(found: readonly IgnoredSetting[]): IgnoredSetting[] {
    const result: IgnoredSetting[] = [];
    for (const entry of found) {
      const id = `${entry.source}\u0000${entry.setting}\u0000${JSON.stringify(entry.value) ?? 'undefined'}`;
      if (this.reported.has(id)) continue;
      this.reported.add(id);
      result.push(entry);
    }
    return result;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
