import { lookup as lookupHost } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { type Phrase, phrase } from '../errors.ts';

/**
 * The SSRF guard. A webhook makes this server send a request wherever a newsroom admin points it, so an
 * address inside the server's own networks (its loopback, the LAN, the cloud's metadata service) would
 * let an admin account — or whoever takes one over — reach what the internet cannot. Such addresses are
 * refused at registration and again before every attempt, after DNS resolution, and the request then
 * connects to the very address that was checked (see `pinnedLookup`), so DNS cannot answer differently
 * between the check and the connection.
 */

/** Why an address may not receive webhooks; each has its sentence, `webhooks.problem.<reason>`. */
export type AddressRefusal = 'loopback' | 'private' | 'linkLocal' | 'uniqueLocal' | 'sharedAddress' | 'multicast' | 'unspecified' | 'metadata' | 'reserved';

/** Ranges GAZETTE_WEBHOOKS_ALLOW_PRIVATE=1 opens, for receivers on the same machine or network. */
const privateRanges: Readonly<Record<string, AddressRefusal>> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'linkLocal',
  uniqueLocal: 'uniqueLocal',
  carrierGradeNat: 'sharedAddress',
};

/** Never a receiver, flag or not. */
const closedRanges: Readonly<Record<string, AddressRefusal>> = {
  multicast: 'multicast',
  unspecified: 'unspecified',
  broadcast: 'unspecified',
};

/**
 * Cloud instance metadata services (AWS, GCP, Azure, OpenStack; ECS; AWS over IPv6; Alibaba; Oracle), which
 * hand out credentials to whoever asks from the machine: refused even where private addresses are allowed.
 */
const metadataAddresses = new Set(
  ['169.254.169.254', '169.254.169.253', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192'].map((address) =>
    ipaddr.process(address).toNormalizedString(),
  ),
);

/** Why `address` (an IP address) may not receive webhooks, or undefined when it may. */
export function refusalOf(address: string, allowPrivate: boolean): AddressRefusal | undefined {
  if (!ipaddr.isValid(address)) return 'reserved';
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const parsed = ipaddr.process(address);
  if (metadataAddresses.has(parsed.toNormalizedString())) return 'metadata';
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  const opened = privateRanges[range];
  if (opened) return allowPrivate ? undefined : opened;
  // Everything else is special-purpose: documentation, benchmarking, NAT64 and 6to4 (which reach IPv4 behind them)…
  return closedRanges[range] ?? 'reserved';
}

export function refusalPhrase(reason: AddressRefusal, address: string): Phrase {
  return phrase(`webhooks.problem.${reason}`, { address });
}

/** An address a webhook was refused, with the sentence saying why. */
export class WebhookAddressRefused extends Error {
  constructor(readonly problem: Phrase) {
    super(`Webhook address refused: ${problem.key} ${JSON.stringify(problem.values ?? {})}`);
    this.name = 'WebhookAddressRefused';
  }
}

export const maxWebhookUrlLength = 2000;

/**
 * A typed URL as an endpoint address, or why it cannot be one: http or https only, no user name or
 * password in it (the signature says who sent a request), at most 2,000 characters. The fragment, which
 * is never sent, is dropped.
 */
export function parseWebhookUrl(text: string): { readonly url: URL } | { readonly problem: Phrase } {
  const typed = text.trim();
  if (typed.length > maxWebhookUrlLength) return { problem: phrase('webhooks.url.tooLong', { max: maxWebhookUrlLength }) };
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { problem: phrase('webhooks.url.invalid') };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: phrase('webhooks.url.scheme') };
  if (url.username !== '' || url.password !== '') return { problem: phrase('webhooks.url.credentials') };
  if (url.hostname === '') return { problem: phrase('webhooks.url.invalid') };
  url.hash = '';
  return { url };
}

/** The host of `url` as DNS and `net` take it: without the brackets of an IPv6 literal. */
export function bareHostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

export interface ResolvedTarget {
  readonly address: string;
  readonly family: 4 | 6;
}

export type HostLookup = (host: string) => Promise<readonly { address: string; family: number }[]>;

const systemLookup: HostLookup = (host) => lookupHost(host, { all: true, verbatim: true });

/**
 * The address to connect to for `url`: its IP literal, or what its host name resolves to. Every address
 * the name resolves to must be allowed (a name that answers with one public and one private address is
 * refused, not half-trusted); the first is used. Throws `WebhookAddressRefused`.
 */
export async function resolveWebhookTarget(url: URL, options: { readonly allowPrivate: boolean; readonly lookup?: HostLookup }): Promise<ResolvedTarget> {
  const host = bareHostOf(url);
  let addresses: readonly { address: string; family: number }[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await (options.lookup ?? systemLookup)(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw new WebhookAddressRefused(phrase('webhooks.problem.unresolved', { host }));
  }
  for (const { address } of addresses) {
    const reason = refusalOf(address, options.allowPrivate);
    if (reason) throw new WebhookAddressRefused(refusalPhrase(reason, address));
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
