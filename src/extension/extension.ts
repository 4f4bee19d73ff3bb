/**
 * Activation: wires the pure core (client, chat session, store) to VS Code (secrets, settings,
 * the webview view, commands). Every registration goes into `context.subscriptions`.
 */
import * as vscode from 'vscode';
import type { HostMessage, ViewSettings, ViewState, WebviewMessage } from '../shared/protocol';
import { ChatSession } from '../core/chat/chatSession';
import { ChatStore } from '../core/chat/chatStore';
import { ApiKeyManager } from './apiKeyManager';
import { ChatViewProvider, CHAT_VIEW_ID } from './chatViewProvider';
import { ChatPanel, CHAT_PANEL_TYPE } from './chatPanel';
import { registerViewCommands } from './viewCommands';
import type { ChatWorkflow } from './chatWorkflow';
import { registerCodeActions, type CodeActions } from './codeActions';
import { onConfigurationChanged, readConfiguration } from './configuration';
import { webviewStrings } from './l10nStrings';
import { setTranslator } from '../core/l10n';
import { createLog } from './log';
import { OpenRouterService } from './openRouterService';
import { RequestPreparer } from './requestPreparer';
import { ModelStatusBar } from './statusBar';
import { SpendTracker } from './spendTracker';
import { effortChoices } from '../core/openrouter/requestBuilder';
import { routeWebviewMessage } from './webviewRouter';
import { reportCorruptChats } from './corruptStoreReport';
import { watchHistory } from './liveHistory';
import { instructionsNotice, WorkspaceInstructions } from './instructions';
import { registerContext } from './context/registerContext';
import { imageGate } from './context/imageGate';
import { ContextWindow } from '../core/context/contextWindow';
import { ContextMeter } from './context/contextMeter';
import { useBundledEncodings } from './context/bundledEncodings';
import type { ContextController } from './context/contextController';
import { workspaceTools } from './tools';
import { registerLanguageModels } from './languageModels';

/** When the bundle started to load: activation time counts from here, module loading included. */
const bundleLoadedAt = performance.now();

/** What `activate` returns: used by the integration tests and the benchmark, never carries the key. */
/** How long after activation the history's text is read for search (see `warmSearch`). */
const SEARCH_WARMUP_MS = 10_000;

export interface OpenRouterChatApi {
  /** Milliseconds from loading the bundle to the end of `activate` (history loaded). */
  readonly activationMs: number;
  readonly session: ChatSession;
  readonly codeActions: CodeActions;
  readonly context: ContextController;
  readonly storageDir: string;
  readonly logUri: vscode.Uri;
  viewState(): ViewState;
  /** Every message the host posts to the webview, for tests that check what the view was told. */
  onDidPost(listener: (message: HostMessage) => void): vscode.Disposable;
  /** Hands a value to the view's message entry point, as if the webview had posted it (tests). */
  receiveFromWebview(raw: unknown): void;
}

let activeSession: ChatSession | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<OpenRouterChatApi> {
  // First, so every notice and error text the core builds is in the editor's language.
  setTranslator((message, args) => vscode.l10n.t(message, ...args));
  const log = createLog();
  context.subscriptions.push(log.channel);

  const keys = new ApiKeyManager(context.secrets, log);
  context.subscriptions.push(keys);
  await keys.reload();

  const service = new OpenRouterService(keys, log);
  const contextWindow = new ContextWindow((omitted, model) => {
    log.info('context', `${omitted} earlier messages left out to fit ${model.id} (${model.contextLength} tokens)`);
    post({
      type: 'notice',
      level: 'info',
      text: vscode.l10n.t('{0} earlier messages were left out so the chat fits the context window of {1} ({2} tokens).', omitted, model.id, model.contextLength),
      // Compact summarizes them instead, so the model keeps what they said.
      actions: ['compact'],
    });
  });
  const provider = new ChatViewProvider(context.extensionUri);
  context.subscriptions.push(provider, vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider));

  const spend = new SpendTracker(context.globalState);
  const posted = new vscode.EventEmitter<HostMessage>();
  context.subscriptions.push(posted, spend);
  // The chat in an editor tab: its handlers run only once the session below exists.
  const chatPanel = new ChatPanel(context.extensionUri, {
    onReady: (reply) => void loaded.then(() => reply({ type: 'state', state: session.viewState() })),
    onMessage: (message, reply) => route(message, reply),
    onInvalidMessage: (problem) => log.warn('view', `dropped ${problem} (editor tab)`),
  });
  // One session, two views: the side bar's and the editor tab's get every message.
  const post = (message: HostMessage) => {
    // Every answer's real prompt tokens (or context-length error) recalibrates the estimate.
    if (message.type === 'streamEnd') contextWindow.observe(message.message);
    provider.post(message);
    chatPanel.post(message);
    posted.fire(message);
    spend.observe(message);
  };

  // The efforts the view offers come from the model's /models entry, once it is known.
  let reasoningEfforts: string[] | undefined;
  let toolsUnsupported = false;
  const viewSettings = (): ViewSettings => ({
    ...baseViewSettings(),
    ...(reasoningEfforts ? { reasoningEfforts } : {}),
    ...(toolsUnsupported ? { toolsUnsupported } : {}),
  });
  const refreshEfforts = async (): Promise<void> => {
    const config = readConfiguration();
    const model = config.ok ? await service.modelInfo(config.config) : undefined;
    reasoningEfforts = model ? effortChoices(model) : undefined;
    // Only a model known not to list `tools` gets the note; an unknown one is not judged.
    const { modelSupportsTools } = await import('../core/tools/definitions');
    toolsUnsupported = model !== undefined && !modelSupportsTools(model);
    post({ type: 'settings', settings: viewSettings() });
  };
  const instructions = new WorkspaceInstructions(context.workspaceState, log, (paths) =>
    post({ type: 'notice', level: 'info', text: instructionsNotice(paths), actions: ['turnOffWorkspaceInstructions'] }),
  );
  const preparer = new RequestPreparer(keys, service, log, instructions, contextWindow);
  // Workspace settings this extension ignores are named in the log: checked once activation's own
  // work is queued (the module loads on its own), and again when settings change.
  void import('./ignoredWorkspaceSettings').then((module) => context.subscriptions.push(module.watchIgnoredWorkspaceSettings(log)));

  const store = new ChatStore(context.globalStorageUri.fsPath);
  // The display language is fixed for the life of the window: translate the view's strings once.
  const strings = webviewStrings();
  // Code actions need the session, and the session's edit tool needs their reviewed diff.
  const late: { codeActions?: CodeActions } = {};
  const session = new ChatSession(store, {
    post,
    prepare: (turns, signal, options) => preparer.prepare(turns, signal, options),
    tools: workspaceTools(() => late.codeActions?.applyController(), log),
    viewBasics: () => ({ keySource: keys.source, settings: viewSettings(), strings }),
    log: (line) => log.info('chat', line),
  });
  activeSession = session;
  const loaded = session.init().then(
    (corrupt) => reportCorruptChats(corrupt, log),
    (error: unknown) => log.error('store', `could not read the chat history: ${error instanceof Error ? error.message : String(error)}`),
  );

  context.subscriptions.push(watchHistory(store, session, loaded, log));
  // The search box's first query would otherwise wait for every listed chat's text to be read:
  // read it once, in the background, when the start is well over.
  const warmSearch = setTimeout(() => void loaded.then(() => session.searchChats('')).catch(() => undefined), SEARCH_WARMUP_MS);
  warmSearch.unref?.();
  context.subscriptions.push({ dispose: () => clearTimeout(warmSearch) });

  context.subscriptions.push(registerLanguageModels(context, { keys, service, log, prepare: (turns, signal) => preparer.prepare(turns, signal) }));

  const codeActions = registerCodeActions(context, { session, revealChat: () => provider.reveal(), service, log });
  context.subscriptions.push(codeActions);
  late.codeActions = codeActions;

  const attachedContext = registerContext(context, { session, post, revealChat: () => provider.reveal(), log, imageRefusal: imageGate(service, session) });
  const meter = new ContextMeter({
    session,
    draft: attachedContext.draft,
    window: contextWindow,
    service,
    post,
    systemPromptFor: (prompt) => instructions.previewSystemPrompt(prompt),
  });
  context.subscriptions.push(meter, posted.event((message) => meter.observe(message)));
  // Real token counts once an encoding loads (at the first count): the meter and the chips are counted again.
  context.subscriptions.push(
    useBundledEncodings(context.extensionPath, log, () => {
      attachedContext.postDraft();
      meter.schedule();
      // Chips under questions already sent show counts too (a state post also moves the meter).
      void loaded.then(() => {
        if (session.activeChat.messages.some((m) => m.attachments?.length)) session.postState();
      });
    }),
  );

  // History and per-chat actions (delete with Undo, export, the chat's model) load when first used.
  let workflowLoading: Promise<ChatWorkflow> | undefined;
  const workflow = (): Promise<ChatWorkflow> => (workflowLoading ??= import('./chatWorkflow').then((module) => new module.ChatWorkflow(session, service, log)));
  // Never thrown into a void promise: a failure is logged (through the redacting log) and dropped.
  const route = (message: WebviewMessage, reply: (message: HostMessage) => void) =>
    routeWebviewMessage(message, { session, codeActions, context: attachedContext, log, workflow, reply }).catch((error: unknown) =>
      log.error('view', `could not handle "${message.type}" from the view: ${error instanceof Error ? error.message : String(error)}`),
    );
  const replyToView = (message: HostMessage) => {
    provider.post(message);
    posted.fire(message);
  };
  provider.setHandlers({
    // Only the view that (re)loaded needs the whole state; the editor tab keeps its own.
    onReady: () =>
      void loaded.then(() => {
        replyToView({ type: 'state', state: session.viewState() });
        attachedContext.postDraft();
        void refreshEfforts();
      }),
    onMessage: (message) => route(message, replyToView),
    onInvalidMessage: (problem) => log.warn('view', `dropped ${problem}`),
    onVisible: () => void loaded.then(() => session.refreshList()),
  });
  context.subscriptions.push(
    chatPanel,
    vscode.window.registerWebviewPanelSerializer(CHAT_PANEL_TYPE, {
      deserializeWebviewPanel: async (restored) => chatPanel.adopt(restored),
    }),
    vscode.commands.registerCommand('openrouterChat.openInEditor', () => chatPanel.open()),
    vscode.commands.registerCommand('openrouterChat.exportChat', (chatId?: unknown) =>
      workflow().then((loaded) => loaded.exportChat(typeof chatId === 'string' ? chatId : undefined)),
    ),
  );

  const statusBar = new ModelStatusBar(() => spend.summary());
  context.subscriptions.push(
    statusBar,
    spend.onDidChange(() => statusBar.update()),
    onConfigurationChanged(() => {
      statusBar.update();
      post({ type: 'settings', settings: viewSettings() });
      void refreshEfforts();
    }),
    keys.onDidChange((keySource) => post({ type: 'keySource', keySource })),
    ...registerViewCommands({ view: provider, tab: chatPanel }),
    vscode.commands.registerCommand('openrouterChat.newChat', async () => {
      // From the editor tab's title bar the new chat shows there (both show the same session).
      if (!chatPanel.isActive) await provider.reveal();
      await loaded;
      session.newChat();
      post({ type: 'focusInput' });
    }),
    // Commands that only run when asked load their code then, not at activation.
    vscode.commands.registerCommand('openrouterChat.setApiKey', async () => (await import('./keyCommands')).setApiKeyCommand(keys, service, log)),
    vscode.commands.registerCommand('openrouterChat.clearApiKey', async () => (await import('./keyCommands')).clearApiKeyCommand(keys, log)),
    vscode.commands.registerCommand('openrouterChat.selectModel', async () => (await import('./modelPicker')).selectModelCommand(service, log)),
    vscode.commands.registerCommand('openrouterChat.stop', () => session.stop()),
    vscode.commands.registerCommand('openrouterChat.compactChat', async () => {
      if (!chatPanel.isActive) await provider.reveal();
      await loaded;
      await session.compact();
    }),
    vscode.commands.registerCommand('openrouterChat.showLog', () => log.channel.show()),
    vscode.commands.registerCommand('openrouterChat.showCredits', async () => (await import('./creditsCommand')).showCreditsCommand(keys, service, log)),
  );

  log.info('activate', `OpenRouter Chat ${String(context.extension.packageJSON.version)} active (key from: ${keys.source})`);
  await loaded;
  const activationMs = performance.now() - bundleLoadedAt;
  log.info('activate', `activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    session,
    codeActions,
    context: attachedContext,
    storageDir: context.globalStorageUri.fsPath,
    logUri: context.logUri,
    viewState: () => session.viewState(),
    onDidPost: (listener) => posted.event(listener),
    receiveFromWebview: (raw) => provider.receive(raw),
  };
}

export async function deactivate(): Promise<void> {
  await activeSession?.dispose();
  activeSession = undefined;
}

function baseViewSettings(): ViewSettings {
  const config = readConfiguration();
  const section = vscode.workspace.getConfiguration('openrouterChat');
  return config.ok
    ? { reasoningDisplay: config.config.reasoningDisplay, model: config.config.model }
    : { reasoningDisplay: 'collapsed', model: String(section.get('model') ?? '') };
}
