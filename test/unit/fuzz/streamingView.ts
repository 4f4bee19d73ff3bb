/**
 * What a webview makes of the host's messages for the answer that streams, reduced to its text:
 * a `state` sets it (the state already holds every delta sent so far), each `streamDelta`
 * appends, and `streamEnd` brings the final message. When an ordinary answer ends, the text the
 * view built must be the answer's text: a delta sent twice (the view shown again mid-stream, in
 * the wave's review) or lost shows up here.
 */
import type { HostMessage } from '../../../src/shared/protocol';

export class StreamingView {
  private messageId: string | undefined;
  private text = '';
  /** Answers whose streamed text differed from their final text, as `id: streamed ≠ final`. */
  readonly mismatches: string[] = [];

  observe(message: HostMessage): void {
    if (message.type === 'state') {
      const running = message.state.streaming;
      const shown = running && running.chatId === message.state.chat.id ? message.state.chat.messages.find((m) => m.id === running.messageId) : undefined;
      this.messageId = shown?.id;
      this.text = shown?.content ?? '';
    } else if (message.type === 'streamStart') {
      this.messageId = message.assistant.id;
      this.text = message.assistant.content;
    } else if (message.type === 'streamDelta' && message.messageId === this.messageId) {
      this.text += message.content ?? '';
    } else if (message.type === 'streamEnd' && message.message.id === this.messageId) {
      const final = message.message;
      // Only a plain finished answer: a tool loop or a resumed answer rewrites its text at the end.
      if (final.status === 'done' && !final.tools?.length && this.text !== final.content) {
        this.mismatches.push(`${final.id}: streamed ${JSON.stringify(this.text.slice(-60))} ≠ final ${JSON.stringify(final.content.slice(-60))}`);
      }
      this.messageId = undefined;
      this.text = '';
    }
  }
}
