// Which Host headers the sandbox answers: loopback names only (127.0.0.0/8, localhost, [::1],
// any port), plus the address it was explicitly bound to. A web page that rebinds its own DNS
// name to 127.0.0.1 still sends that name as Host, so it is refused (DNS rebinding).

/** The host part of a Host header, lower-case, without port or IPv6 brackets; null if unreadable. */
export function hostOfHeader(header: string | undefined): string | null {
  if (!header || header.length > 300) return null;
  try {
    const url = new URL(`http://${header}/`);
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
    const host = url.hostname.toLowerCase();
    return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  } catch {
    return null;
  }
}

/** True for localhost, 127.x.y.z and ::1 (and ::ffff:127.x.y.z), as URL normalises them. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === 'localhost.') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (host === '::1') return true;
  // URL writes an IPv4-mapped address in hex: ::ffff:7f00:1 is ::ffff:127.0.0.1.
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
}

/**
 * True when a request with this Host header may be served. `boundHost` is the address the
 * server listens on (`--host`), which is also the address in the URL it advertises: that
 * literal is accepted too (`10.0.0.5`, or `0.0.0.0` itself for a wildcard bind), but no other
 * name or address a wildcard bind would reach.
 */
export function hostAllowed(header: string | undefined, boundHost: string): boolean {
  const host = hostOfHeader(header);
  if (host === null) return false;
  if (isLoopbackHost(host)) return true;
  const bound = hostOfHeader(boundHost.includes(':') ? `[${boundHost}]` : boundHost);
  return bound !== null && host === bound;
}
