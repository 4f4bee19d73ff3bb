/**
 * The local OpenRouter-compatible server as a command (`npm run mock-server -- [options]`):
 *   --port N     listen on 127.0.0.1:N (default 0: any free port, printed on start)
 *   --key K      the only accepted API key (default: the test key)
 *   --any-key    accept any non-empty Bearer key
 * Prints one redacted line per request; stops cleanly on SIGINT / SIGTERM.
 */
import { startOpenRouterServer } from './openRouterServer';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(option('--port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, not ${option('--port')}`);
  const key = option('--key');
  const server = await startOpenRouterServer({
    port,
    ...(key ? { validKey: key } : {}),
    anyKey: process.argv.includes('--any-key'),
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(`OpenRouter mock listening on ${server.baseUrl}`);
  const stop = (signal: string): void => {
    console.log(`${signal}: stopping the OpenRouter mock`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`OpenRouter mock failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
