/**
 * Model output is hostile input: a prompt-injected answer can carry any HTML. DOMPurify turns the
 * HTML that `marked` produces into an inert DocumentFragment (it lives in a parser document with no
 * browsing context, so nothing in it loads or runs until we insert it).
 */
import DOMPurify from 'dompurify';
import type { Config } from 'dompurify';

const purifier = DOMPurify(window);

/**
 * Only these URL schemes survive in href/src. Relative references are kept (they cannot run
 * code), but not protocol-relative ones (`//host`, `\\host`), which point at another origin.
 */
const SAFE_URL = /^(?:(?:https?|mailto):|(?![\\/]{2})[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'button',
    'textarea', 'select', 'option', 'svg', 'math', 'template', 'noscript', 'base', 'meta', 'link',
    'title', 'dialog', 'video', 'audio', 'source', 'track', 'picture', 'canvas', 'marquee', 'slot',
    'portal', 'fencedframe', 'search',
  ],
  FORBID_ATTR: [
    'style', 'id', 'name', 'srcset', 'action', 'formaction', 'background', 'ping', 'target', 'xmlns',
    'autofocus', 'tabindex', 'accesskey', 'contenteditable', 'draggable', 'popover', 'popovertarget',
    'role', 'for', 'form', 'usemap', 'lowsrc', 'dynsrc',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
  RETURN_DOM_FRAGMENT: true,
};

// A model must not borrow our own class names (it could dress text up as a button of ours); the
// only classes we keep are marked's `language-x` on code, which pick the highlighter.
purifier.addHook('uponSanitizeAttribute', (node, data) => {
  if (data.attrName !== 'class') return;
  data.keepAttr = node.nodeName === 'CODE' && /^language-[\w+#.-]+$/.test(data.attrValue);
});

// Set once: a config passed to each call would be parsed again on every call, and a streaming
// answer sanitizes hundreds of blocks.
purifier.setConfig(CONFIG);

/** Sanitized, still-inert DOM for an HTML string. */
export function sanitizeToFragment(html: string): DocumentFragment {
  // The typings cannot see the config set above; check what it returns instead of trusting a cast.
  // It returns null when the HTML parses to a document without a body (a lone `<frameset>`):
  // nothing of such a block may be shown.
  const result: unknown = purifier.sanitize(html);
  return result instanceof DocumentFragment ? result : document.createDocumentFragment();
}
