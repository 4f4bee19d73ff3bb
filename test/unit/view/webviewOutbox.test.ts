/**
 * Messages to the chat webview while it cannot listen (loading, hidden, disposed): whole-state
 * messages are dropped (the `ready` state replaces them), notices wait and follow that state.
 */
import * as assert from 'node:assert/strict';
import { WebviewOutbox } from '../../../src/core/view/webviewOutbox';
import type { HostMessage } from '../../../src/shared/protocol';

const notice = (text: string): HostMessage => ({ type: 'notice', level: 'warning', text });
const delta: HostMessage = { type: 'streamDelta', chatId: 'c', messageId: 'm', content: 'text' };
const state: HostMessage = { type: 'chatList', chats: [] };

describe('webview outbox', () => {
  it('delivers at once while the webview listens', () => {
    const delivered: HostMessage[] = [];
    const outbox = new WebviewOutbox();
    outbox.attach((m) => delivered.push(m));
    outbox.ready(() => delivered.push(state));
    outbox.post(delta);
    assert.deepEqual(delivered, [state, delta]);
  });

  it('keeps a notice posted while the view is hidden and delivers it after the state on the next ready', () => {
    const delivered: HostMessage[] = [];
    const outbox = new WebviewOutbox();
    outbox.attach((m) => delivered.push(m));
    outbox.ready(() => undefined);
    outbox.detach(); // hidden: the document is gone
    outbox.post(notice('saved elsewhere'));
    outbox.post(delta);
    assert.equal(delivered.length, 0, 'nothing goes to a document that no longer exists');
    outbox.ready(() => delivered.push(state));
    assert.deepEqual(delivered, [state, notice('saved elsewhere')], 'the delta is in the state; the notice follows it');
  });

  it('holds messages for a view resolved again until its new document says ready', () => {
    const first: HostMessage[] = [];
    const second: HostMessage[] = [];
    const outbox = new WebviewOutbox();
    outbox.attach((m) => first.push(m));
    outbox.ready(() => undefined);
    outbox.attach((m) => second.push(m));
    outbox.post(notice('one'));
    assert.equal(first.length + second.length, 0);
    outbox.ready(() => undefined);
    assert.deepEqual([first, second], [[], [notice('one')]]);
  });
});
