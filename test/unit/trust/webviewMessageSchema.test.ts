import * as assert from 'node:assert/strict';
import type { WebviewMessage } from '../../../src/shared/protocol';
import { checkWebviewMessage } from '../../../src/shared/webviewMessageSchema';
import { MAX_BINARY_BASE64_CHARS, MAX_THUMBNAIL_CHARS } from '../../../src/shared/attachmentLimits';

describe('webview message check', () => {
  // One of each type: the union is exhaustive here, so a new message type must be added to this list.
  const valid: Record<WebviewMessage['type'], WebviewMessage> = {
    ready: { type: 'ready' },
    send: { type: 'send', text: 'hello', webSearch: true },
    toolDecision: { type: 'toolDecision', callId: 'call_1', allow: false },
    continueTools: { type: 'continueTools' },
    stop: { type: 'stop' },
    continue: { type: 'continue', messageId: 'a1' },
    regenerate: { type: 'regenerate', messageId: 'a1' },
    editAndResend: { type: 'editAndResend', messageId: 'm1', text: '' },
    newChat: { type: 'newChat' },
    openChat: { type: 'openChat', chatId: 'c1' },
    showEarlier: { type: 'showEarlier', chatId: 'c1', before: 100, all: true },
    deleteChat: { type: 'deleteChat', chatId: 'c1' },
    copy: { type: 'copy', text: 'x' },
    insertCode: { type: 'insertCode', code: 'let a = 1;', language: 'ts', messageId: 'a1' },
    applyCode: { type: 'applyCode', code: 'let a = 1;', language: '', messageId: 'a1' },
    openLink: { type: 'openLink', href: 'https://openrouter.ai' },
    openFileRef: { type: 'openFileRef', path: 'src/a.ts', line: 3, endLine: 9 },
    action: { type: 'action', action: 'retry', messageId: 'a1' },
    contextQuery: { type: 'contextQuery', query: 'mat' },
    attachFile: { type: 'attachFile', path: 'src/math.ts' },
    dropFiles: { type: 'dropFiles', uris: ['file:///w/src/math.ts'] },
    removeAttachment: { type: 'removeAttachment', id: 'att-1' },
    addContext: { type: 'addContext' },
    attachBinary: { type: 'attachBinary', name: 'screenshot.png', mimeType: 'image/png', data: 'iVBORw0KGgo=', thumbnail: 'data:image/png;base64,iVBORw0KGgo=' },
    searchChats: { type: 'searchChats', query: 'refactor' },
    renameChat: { type: 'renameChat', chatId: 'c1', title: 'Build steps' },
    undoDeleteChat: { type: 'undoDeleteChat', chatId: 'c1' },
    deleteAllChats: { type: 'deleteAllChats' },
    exportChat: { type: 'exportChat', chatId: 'c1' },
    pickChatModel: { type: 'pickChatModel' },
    pickChatEffort: { type: 'pickChatEffort' },
    selectionCommand: { type: 'selectionCommand', command: 'tests' },
    compact: { type: 'compact' },
    setChatParameters: { type: 'setChatParameters', parameters: { temperature: 0.2, stop: ['END'], seed: 7 } },
  };
  for (const message of Object.values(valid)) {
    it(`accepts a well-formed ${message.type}`, () => {
      const checked = checkWebviewMessage(message);
      assert.ok(checked.ok);
      assert.deepEqual(checked.message, message);
    });
  }

  it('drops fields the protocol does not know', () => {
    const checked = checkWebviewMessage({ type: 'stop', extra: 'x' });
    assert.ok(checked.ok);
    assert.deepEqual(checked.message, { type: 'stop' });
  });

  const invalid: [string, unknown, RegExp][] = [
    ['text that is not a string', { type: 'send', text: { toString: 'x' } }, /"send" \(text\)/],
    ['code that is a number', { type: 'insertCode', code: 42, language: 'ts', messageId: 'a1' }, /"insertCode" \(code\)/],
    ['empty code', { type: 'applyCode', code: '', language: 'ts', messageId: 'a1' }, /"applyCode" \(code\)/],
    ['a missing message id', { type: 'applyCode', code: 'x', language: 'ts' }, /\(messageId\)/],
    ['line 0', { type: 'openFileRef', path: 'a.ts', line: 0 }, /\(line\)/],
    ['no earlier messages to ask for', { type: 'showEarlier', chatId: 'c1', before: 0 }, /\(before\)/],
    ['a fractional end line', { type: 'openFileRef', path: 'a.ts', line: 1, endLine: 1.5 }, /\(endLine\)/],
    ['an unknown action', { type: 'action', action: 'runCommand' }, /\(action\)/],
    ['an unknown type', { type: 'launchMissiles' }, /"launchMissiles" \(type\)/],
    ['an attachment of another type', { type: 'attachBinary', name: 'a.svg', mimeType: 'image/svg+xml', data: 'PHN2Zz4=' }, /"attachBinary" \(mimeType\)/],
    ['an attachment over the size limit', { type: 'attachBinary', name: 'big.pdf', mimeType: 'application/pdf', data: 'A'.repeat(MAX_BINARY_BASE64_CHARS + 4) }, /"attachBinary" \(data\)/],
    ['a thumbnail over its limit', { type: 'attachBinary', name: 'a.png', mimeType: 'image/png', data: 'iVBORw0KGgo=', thumbnail: `data:image/png;base64,${'A'.repeat(MAX_THUMBNAIL_CHARS)}` }, /"attachBinary" \(thumbnail\)/],
    ['a type with a line break', { type: 'x\ny' }, /"x\?y"/],
    ['a string', 'ready', /"string"/],
    ['null', null, /"null"/],
  ];
  for (const [what, raw, problem] of invalid) {
    it(`refuses ${what}, naming fields but no values`, () => {
      const checked = checkWebviewMessage(raw);
      assert.equal(checked.ok, false);
      if (checked.ok) return;
      assert.match(checked.problem, problem);
      assert.ok(!checked.problem.includes('toString') && !checked.problem.includes('42') && !checked.problem.includes('runCommand'), checked.problem);
    });
  }
});
