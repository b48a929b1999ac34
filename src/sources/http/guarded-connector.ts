import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { refusedAddressKind, RefusedAddressError } from './address-guard';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The DNS lookup the socket itself uses: every resolved address is checked, and the socket
 * connects to exactly what was checked (no second lookup an attacker's DNS could answer
 * differently). One refused address refuses the host: a public and a private answer
 * mixed is a rebinding trick, not a mirror.
 */
export type AddressPolicy = (ip: string) => string | undefined;

export function guardedLookup(classify: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const a of addresses) {
        const kind = classify(a.address);
        if (kind) return callback(new RefusedAddressError(hostname, a.address, kind) as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * An undici connector refusing private, loopback, link-local and metadata addresses at
 * connect time. IP literals never reach a lookup, so they are checked here first.
 */
export function guardedConnector(options: buildConnector.BuildOptions, classify: AddressPolicy = refusedAddressKind): buildConnector.connector {
  const connect = buildConnector({ ...options, lookup: guardedLookup(classify) } as buildConnector.BuildOptions);
  return (opts, callback) => {
    const host = opts.hostname;
    const kind = isIP(host) ? classify(host) : undefined;
    if (kind) {
      callback(new RefusedAddressError(host, host, kind), null);
      return;
    }
    connect(opts, callback);
  };
}
