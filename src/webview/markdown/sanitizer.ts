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

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
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

/** Sanitized, still-inert DOM for an HTML string. */
export function sanitizeToFragment(html: string): DocumentFragment {
  return purifier.sanitize(html, CONFIG);
}
