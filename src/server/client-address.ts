import type { Context } from 'hono';

/** The socket's remote address (the peer: a client, or the nearest proxy). */
export function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * Who the client is, for per-client limits. Behind `trustedHops` proxies that each append the
 * address they received from to X-Forwarded-For, the client is that many entries from the right;
 * entries further left were written by whoever sent the request and prove nothing. With no trusted
 * proxy, or a header shorter than the proxy chain (a request that bypassed it), the socket address.
 */
export function clientAddress(c: Context, trustedHops: number): string {
  if (trustedHops <= 0) return socketAddress(c);
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.length >= trustedHops ? hops[hops.length - trustedHops] : socketAddress(c);
}
