/**
 * Where the API key may travel. Every request carries `Authorization: Bearer <key>`, so a base URL
 * is a destination for the key: over https it may go anywhere the user chose, over plain http only
 * to this machine (a local proxy or test server), where nobody on the network can read it.
 */

/** 127.0.0.0/8, ::1 and `localhost`, as the WHATWG URL parser normalizes them (`127.1` -> `127.0.0.1`). */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets[1] === '127' && octets.slice(2).every((o) => Number(o) <= 255);
}

/**
 * Why the key must not be sent to `url`, or undefined when it may. Only http and https are
 * considered at all; anything else is refused too.
 */
export function keyTransportProblem(url: URL): string | undefined {
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopbackHostname(url.hostname)
      ? undefined
      : `would send your API key unencrypted to ${url.host}: use https, or http only to this machine (localhost, 127.0.0.1, ::1).`;
  }
  return `must use https (or http to this machine), not ${url.protocol.replace(':', '')}.`;
}
