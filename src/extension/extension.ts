/**
 * Activation: wires the pure core (client, chat session, store) to VS Code (secrets, settings,
 * the webview view, commands). Every registration goes into `context.subscriptions`.
 */
import * as vscode from 'vscode';
import type { HostMessage, ViewSettings, ViewState } from '../shared/protocol';
import { ChatSession } from '../core/chat/chatSession';
import { ChatStore } from '../core/chat/chatStore';
import { ApiKeyManager } from './apiKeyManager';
import { ChatViewProvider, CHAT_VIEW_ID } from './chatViewProvider';
import { registerCodeActions, type CodeActions } from './codeActions';
import { onConfigurationChanged, readConfiguration } from './configuration';
import { clearApiKeyCommand, setApiKeyCommand } from './keyCommands';
import { webviewStrings } from './l10nStrings';
import { createLog } from './log';
import { selectModelCommand } from './modelPicker';
import { OpenRouterService } from './openRouterService';
import { RequestPreparer } from './requestPreparer';
import { ModelStatusBar } from './statusBar';
import { routeWebviewMessage } from './webviewRouter';
import { reportCorruptChats } from './corruptStoreReport';
import { watchHistory } from './liveHistory';
import { registerLanguageModels } from './languageModels';

/** When the bundle started to load: activation time counts from here, module loading included. */
const bundleLoadedAt = performance.now();

/** What `activate` returns: used by the integration tests and the benchmark, never carries the key. */
export interface OpenRouterChatApi {
  /** Milliseconds from loading the bundle to the end of `activate` (history loaded). */
  readonly activationMs: number;
  readonly session: ChatSession;
  readonly codeActions: CodeActions;
  readonly storageDir: string;
  readonly logUri: vscode.Uri;
  viewState(): ViewState;
  /** Every message the host posts to the webview, for tests that check what the view was told. */
  onDidPost(listener: (message: HostMessage) => void): vscode.Disposable;
}

let activeSession: ChatSession | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<OpenRouterChatApi> {
  const log = createLog();
  context.subscriptions.push(log.channel);

  const keys = new ApiKeyManager(context.secrets, log);
  context.subscriptions.push(keys);
  await keys.reload();

  const service = new OpenRouterService(keys, log);
  const preparer = new RequestPreparer(keys, service, log);
  const provider = new ChatViewProvider(context.extensionUri);
  context.subscriptions.push(provider, vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider));

  const posted = new vscode.EventEmitter<HostMessage>();
  context.subscriptions.push(posted);
  const post = (message: HostMessage) => {
    provider.post(message);
    posted.fire(message);
  };

  const store = new ChatStore(context.globalStorageUri.fsPath);
  // The display language is fixed for the life of the window: translate the view's strings once.
  const strings = webviewStrings();
  const session = new ChatSession(store, {
    post,
    prepare: (turns) => preparer.prepare(turns),
    viewBasics: () => ({ keySource: keys.source, settings: viewSettings(), strings }),
    log: (line) => log.info('chat', line),
  });
  activeSession = session;
  const loaded = session.init().then(
    (corrupt) => reportCorruptChats(corrupt, log),
    (error: unknown) => log.error('store', `could not read the chat history: ${error instanceof Error ? error.message : String(error)}`),
  );

  context.subscriptions.push(watchHistory(store, session, loaded, log));

  context.subscriptions.push(registerLanguageModels(context, { keys, service, log, prepare: (turns) => preparer.prepare(turns) }));

  const codeActions = registerCodeActions(context, { session, revealChat: () => provider.reveal(), service, log });
  context.subscriptions.push(codeActions);

  provider.setHandlers({
    onReady: () => void loaded.then(() => session.postState()),
    onMessage: (message) => routeWebviewMessage(message, { session, codeActions, log }),
    onVisible: () => void loaded.then(() => session.refreshList()),
  });

  const statusBar = new ModelStatusBar();
  context.subscriptions.push(
    statusBar,
    onConfigurationChanged(() => {
      statusBar.update();
      post({ type: 'settings', settings: viewSettings() });
    }),
    keys.onDidChange((keySource) => post({ type: 'keySource', keySource })),
    vscode.commands.registerCommand('openrouterChat.newChat', async () => {
      await provider.reveal();
      await loaded;
      session.newChat();
      post({ type: 'focusInput' });
    }),
    vscode.commands.registerCommand('openrouterChat.setApiKey', () => setApiKeyCommand(keys, service, log)),
    vscode.commands.registerCommand('openrouterChat.clearApiKey', () => clearApiKeyCommand(keys, log)),
    vscode.commands.registerCommand('openrouterChat.selectModel', () => selectModelCommand(service)),
    vscode.commands.registerCommand('openrouterChat.stop', () => session.stop()),
    vscode.commands.registerCommand('openrouterChat.showLog', () => log.channel.show()),
  );

  log.info('activate', `OpenRouter Chat ${String(context.extension.packageJSON.version)} active (key from: ${keys.source})`);
  await loaded;
  const activationMs = performance.now() - bundleLoadedAt;
  log.info('activate', `activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    session,
    codeActions,
    storageDir: context.globalStorageUri.fsPath,
    logUri: context.logUri,
    viewState: () => session.viewState(),
    onDidPost: (listener) => posted.event(listener),
  };
}

export async function deactivate(): Promise<void> {
  await activeSession?.dispose();
  activeSession = undefined;
}

function viewSettings(): ViewSettings {
  const config = readConfiguration();
  const section = vscode.workspace.getConfiguration('openrouterChat');
  return config.ok
    ? { reasoningDisplay: config.config.reasoningDisplay, model: config.config.model }
    : { reasoningDisplay: 'collapsed', model: String(section.get('model') ?? '') };
}
