import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { parseCidr } from '../config.js';

/** The socket's remote address (the peer: a client, or the nearest proxy). */
export function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/** True when an address is one of the trusted proxies. */
export type ProxyMatcher = (address: string) => boolean;

/** A matcher for CIDR blocks (already validated by config.ts); IPv4-mapped IPv6 peers match IPv4 blocks. */
export function proxyMatcher(cidrs: readonly string[]): ProxyMatcher {
  const list = new BlockList();
  for (const text of cidrs) {
    const cidr = parseCidr(text);
    if (cidr) list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return (address) => {
    const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    const version = isIP(plain);
    return version !== 0 && list.check(plain, version === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * Who the client is, for per-client limits. Behind `trustedHops` proxies that each append the
 * address they received from to X-Forwarded-For, the client is that many entries from the right;
 * entries further left were written by whoever sent the request and prove nothing. The header is
 * read only when the socket peer is a trusted proxy (TRUSTED_PROXIES): a client that reaches the
 * service directly could otherwise write any address there and rotate it to escape its limit
 * (issue 14 item 9). Otherwise, or with a header shorter than the proxy chain, the socket address.
 */
export function clientAddress(
  c: Context,
  trustedHops: number,
  isTrustedProxy: ProxyMatcher = () => false,
): string {
  const peer = socketAddress(c);
  if (trustedHops <= 0 || !isTrustedProxy(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.length >= trustedHops ? hops[hops.length - trustedHops] : peer;
}
