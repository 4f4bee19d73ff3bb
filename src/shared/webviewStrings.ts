/**
 * Every user-facing string the webview shows, in English. The host translates each through
 * `vscode.l10n.t` and sends the result in `ViewState.strings`, so the webview needs no l10n runtime.
 * Placeholders are written `{0}`, `{1}` as in vscode.l10n. The webview's `t()` accepts only these
 * strings (its parameter type is `WebviewString`), so a string missing here does not compile.
 */
export const WEBVIEW_STRINGS = [
  // Composer
  'Message',
  'Send',
  'Stop',
  'Ask about your code (Enter to send, Shift+Enter for a new line)',
  'An answer is still being written. Wait for it or stop it before sending another message.',
  'Dismiss',
  // Messages
  'Conversation',
  'You',
  'Assistant',
  'Regenerate',
  'Copy',
  'Edit',
  'Edit message',
  'Resend',
  'Cancel',
  'Stopped',
  'The model returned no answer.',
  'Jump to latest',
  // Code blocks and markdown
  'Insert at cursor',
  'Apply',
  'text',
  '[image: {0} — {1}]',
  // Reasoning
  'Thinking… {0} s',
  'Thought for {0} s',
  'Reasoning',
  // Stats line
  '{0} prompt / {1} completion tokens',
  '({0} reasoning)',
  'first token {0} s',
  '{0} tokens/s',
  // Errors
  'Set API key',
  'Add credits',
  'Retry',
  'Open settings',
  'Choose model',
  // Header and history
  'New chat',
  'History',
  'Model: {0}',
  'Chat history',
  'No past chats yet.',
  'Untitled chat',
  'Delete',
  'Delete chat “{0}”',
  'Delete “{0}”?',
  'Confirm delete',
  'Search chats',
  'No chats match your search.',
  'Delete all chats',
  'Rename',
  'Rename chat “{0}”',
  'Chat name',
  'Save',
  'Undo',
  'Deleted “{0}”.',
  'Today',
  'Yesterday',
  'Last 7 days',
  'Older',
  // Composer: model, queue, slash commands
  'Model',
  'Reasoning effort',
  'Effort: {0}',
  'default',
  'Queued',
  'Remove queued message',
  'Edit queued message',
  'Commands',
  'Export',
  'Explain the selected code',
  'Fix the selected code',
  'Write tests for the selected code',
  'Document the selected code',
  'Start a new chat',
  'Choose the model for this chat',
  'Quote',
  // Empty state
  'Ask about your code',
  'Ask a question, or select code and right-click for Explain, Refactor, Fix, Document or Generate tests.',
  'Code in answers can be copied, inserted at the cursor or applied to the editor with one click.',
  'To start, add your OpenRouter API key.',
  'Get a key at openrouter.ai/keys',
  'Using the API key from the OPENROUTER_API_KEY environment variable.',
] as const;

export type WebviewString = (typeof WEBVIEW_STRINGS)[number];
