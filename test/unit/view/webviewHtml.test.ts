/**
 * The translations travel inside the webview document as a JSON data block. Text in it (a
 * translation, anything the host puts there) must never end the block and become markup.
 */
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, renderWebviewHtml } from '../../../src/core/view/webviewHtml';
import { STRINGS_ELEMENT_ID } from '../../../src/shared/webviewStrings';

const base = { cspSource: 'https://example.test', scriptUri: 'https://example.test/webview.js', styleUri: 'https://example.test/webview.css', nonce: 'abc' };

describe('webview document: embedded translations', () => {
  it('embeds the strings as an inert JSON block that reads back unchanged', () => {
    const strings = { 'New chat': 'Neuer Chat', Send: '</script><script>alert(1)</script><!-- “x” & <b>' };
    const html = renderWebviewHtml({ ...base, strings });
    const block = new RegExp(`<script type="application/json" id="${STRINGS_ELEMENT_ID}">([^]*?)</script>`).exec(html);
    assert.ok(block, 'the data block is there');
    assert.equal(block[1]!.includes('<'), false, 'no markup can start inside the block');
    assert.deepEqual(JSON.parse(block[1]!), strings);
    assert.equal(html.match(/<script/g)?.length, 2, 'the data block and the nonce-bearing bundle, nothing injected');
  });

  it('has no data block when there are no strings', () => {
    assert.equal(renderWebviewHtml(base).includes(STRINGS_ELEMENT_ID), false);
  });
});

describe('webview document: content security policy', () => {
  it('lets images in only inline (attachment thumbnails), never from the network or the extension', () => {
    const directives = contentSecurityPolicy('https://example.test', 'abc').split('; ');
    assert.deepEqual(directives.filter((d) => d.startsWith('img-src')), ['img-src data:']);
    assert.ok(directives.includes("default-src 'none'"));
  });
});
