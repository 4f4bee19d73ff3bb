/**
 * Per-frame main-thread work, measured from inside the bench page without touching the product:
 * an init script wraps `requestAnimationFrame` callbacks and window `message` listeners (where all
 * of the webview's work happens: message handling, and rendering in its rAF callback, which also
 * forces layout when it scrolls) and sums their durations per frame. The Long Tasks API only
 * reports tasks over 50 ms, so this shows how far below that a frame stays.
 */
export const FRAME_INSTRUMENTATION = `(() => {
  const stats = { frameStart: -1, frameWork: 0, maxFrameWork: 0, longTaskMax: 0, longTasks: 0 };
  window.__frameStats = stats;
  const close = () => { if (stats.frameWork > stats.maxFrameWork) stats.maxFrameWork = stats.frameWork; stats.frameWork = 0; };
  const timed = (fn, self, args) => { const t0 = performance.now(); try { return fn.apply(self, args); } finally { stats.frameWork += performance.now() - t0; } };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((timestamp) => {
    if (timestamp !== stats.frameStart) { close(); stats.frameStart = timestamp; }
    timed(callback, window, [timestamp]);
  });
  const wrapped = new WeakMap();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (this === window && type === 'message' && typeof listener === 'function') {
      const wrapper = function (event) { return timed(listener, this, [event]); };
      wrapped.set(listener, wrapper);
      return add.call(this, type, wrapper, options);
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    return remove.call(this, type, wrapped.get(listener) || listener, options);
  };
  stats.reset = () => { close(); stats.maxFrameWork = 0; stats.frameWork = 0; stats.longTaskMax = 0; stats.longTasks = 0; };
  stats.finish = () => { close(); };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { stats.longTasks++; if (entry.duration > stats.longTaskMax) stats.longTaskMax = entry.duration; }
  }).observe({ type: 'longtask' });
})();`;
