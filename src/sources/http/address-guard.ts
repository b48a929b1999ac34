import { BlockList, isIP } from 'node:net';

/**
 * Addresses a feed must not make the bot reach (SSRF): the bot's own host, the private
 * network around it and the cloud metadata service. Checked on the resolved address at
 * connect time, so neither a redirect nor a DNS answer that changes between check and
 * connect can get past it.
 */
const RANGES: { kind: string; family: 'ipv4' | 'ipv6'; net: string; prefix: number }[] = [
  { kind: 'unspecified', family: 'ipv4', net: '0.0.0.0', prefix: 8 },
  { kind: 'private', family: 'ipv4', net: '10.0.0.0', prefix: 8 },
  // CGNAT; Alibaba's metadata service (100.100.100.200) lives here too.
  { kind: 'carrier-grade NAT', family: 'ipv4', net: '100.64.0.0', prefix: 10 },
  { kind: 'loopback', family: 'ipv4', net: '127.0.0.0', prefix: 8 },
  // Link-local, which holds 169.254.169.254, the cloud metadata service.
  { kind: 'link-local or metadata', family: 'ipv4', net: '169.254.0.0', prefix: 16 },
  { kind: 'private', family: 'ipv4', net: '172.16.0.0', prefix: 12 },
  { kind: 'reserved', family: 'ipv4', net: '192.0.0.0', prefix: 24 },
  { kind: 'private', family: 'ipv4', net: '192.168.0.0', prefix: 16 },
  { kind: 'reserved', family: 'ipv4', net: '198.18.0.0', prefix: 15 },
  { kind: 'multicast or reserved', family: 'ipv4', net: '224.0.0.0', prefix: 3 },
  { kind: 'unspecified', family: 'ipv6', net: '::', prefix: 128 },
  { kind: 'loopback', family: 'ipv6', net: '::1', prefix: 128 },
  // IPv4-mapped and IPv4-compatible: an IPv4 address in disguise.
  { kind: 'IPv4-mapped', family: 'ipv6', net: '::ffff:0:0', prefix: 96 },
  { kind: 'IPv4-compatible', family: 'ipv6', net: '::', prefix: 96 },
  { kind: 'IPv4-translated', family: 'ipv6', net: '64:ff9b:1::', prefix: 48 },
  // Unique-local; AWS's IPv6 metadata service (fd00:ec2::254) lives here.
  { kind: 'unique-local', family: 'ipv6', net: 'fc00::', prefix: 7 },
  { kind: 'link-local', family: 'ipv6', net: 'fe80::', prefix: 10 },
  { kind: 'site-local', family: 'ipv6', net: 'fec0::', prefix: 10 },
  { kind: 'multicast', family: 'ipv6', net: 'ff00::', prefix: 8 },
];

const lists = RANGES.map((r) => {
  const list = new BlockList();
  list.addSubnet(r.net, r.prefix, r.family);
  return { kind: r.kind, family: r.family, list };
});

/** What kind of refused address `ip` is ("loopback", "private"…), or undefined when it may be reached. */
export function refusedAddressKind(ip: string): string | undefined {
  const version = isIP(ip);
  if (version === 0) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  // The most specific range first: ::1 is loopback before it is IPv4-compatible.
  const hits = RANGES.map((r, i) => ({ r, i })).filter(({ r, i }) => r.family === family && lists[i]?.list.check(ip, family));
  hits.sort((a, b) => b.r.prefix - a.r.prefix);
  return hits[0]?.r.kind;
}

/** Thrown at connect time; describeFetchFailure turns it into the source's error. */
export class RefusedAddressError extends Error {
  readonly code = 'TOCSIN_REFUSED_ADDRESS';
  constructor(host: string, ip: string, kind: string) {
    const via = host === ip ? ip : `${host} (${ip})`;
    const article = /^[aeiouIU]/.test(kind) ? 'an' : 'a';
    super(`refused to fetch ${via}: ${article} ${kind} address (set TOCSIN_ALLOW_PRIVATE_FETCH=1 to allow private addresses)`);
    this.name = 'RefusedAddressError';
  }
}
