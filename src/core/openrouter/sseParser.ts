/**
 * Loads eventsource-parser (the SSE framing library). Version 4 ships only as an ES module while
 * this layer compiles as CommonJS (tsconfig `module: Node16`), where TypeScript refuses a static
 * import of an ES module but allows a dynamic one. esbuild bundles the dynamic import in place, so
 * the cost is one already-resolved promise per request. (With `module: node20` this file could
 * become a plain static import.)
 */
const loadModule = () => import('eventsource-parser');

type EventSourceParserModule = Awaited<ReturnType<typeof loadModule>>;
export type CreateSseParser = EventSourceParserModule['createParser'];
export type SseParser = ReturnType<CreateSseParser>;

let loaded: Promise<CreateSseParser> | undefined;

export function loadSseParser(): Promise<CreateSseParser> {
  loaded ??= loadModule().then((module) => module.createParser);
  return loaded;
}
