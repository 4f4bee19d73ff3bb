/**
 * Where the key comes from: VS Code's SecretStorage first, the OPENROUTER_API_KEY environment
 * variable second. The key itself only ever leaves this class toward the OpenRouter client; the
 * rest of the extension (and the webview) learns only its source.
 */
import * as vscode from 'vscode';
import type { KeySource } from '../shared/protocol';
import type { Log } from './log';

const SECRET_ID = 'openrouterChat.apiKey';
export const ENV_KEY_VARIABLE = 'OPENROUTER_API_KEY';

export class ApiKeyManager implements vscode.Disposable {
  private stored: string | undefined;
  private readonly changed = new vscode.EventEmitter<KeySource>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Log,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    // Secrets are shared by every window: a key set or cleared elsewhere applies here at once.
    this.subscription = secrets.onDidChange(async (event) => {
      if (event.key !== SECRET_ID) return;
      await this.reload();
      this.log.info('key', `API key changed (now from: ${this.source})`);
      this.changed.fire(this.source);
    });
  }

  async reload(): Promise<void> {
    const value = await this.secrets.get(SECRET_ID);
    this.stored = value && value.trim() ? value.trim() : undefined;
    this.log.setKnownSecrets([this.stored, this.envKey()]);
  }

  get source(): KeySource {
    if (this.stored) return 'stored';
    return this.envKey() ? 'env' : 'none';
  }

  /** The key to send, stored key first. */
  current(): string | undefined {
    return this.stored ?? this.envKey();
  }

  async store(key: string): Promise<void> {
    await this.secrets.store(SECRET_ID, key.trim());
    await this.reload();
    this.changed.fire(this.source);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_ID);
    await this.reload();
    this.changed.fire(this.source);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private envKey(): string | undefined {
    const value = this.env[ENV_KEY_VARIABLE]?.trim();
    return value ? value : undefined;
  }
}
