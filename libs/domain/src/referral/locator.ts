import { DomainError } from '../shared/domain-error.js';
import { isSha256Hex } from '../shared/sha256.js';

export { isSha256Hex } from '../shared/sha256.js';

// The de-duplication key of a referral is SHA-256(normaliseLocator(locator)). Normalising makes
// the links officers paste for the same content (shared from the app, from a desktop browser,
// with tracking tails) hash alike; it never resolves anything over the network, so a short link
// (vm.tiktok.com/…) stays its own key until someone records where it points.
// The application layer hashes with node:crypto (the domain has no I/O) and routes the command to
// stream referral-<referralIdFor(hash)>.

/** Query parameters that say who shared a link and how, not which content it is. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'igshid', 'si', 'is_from_webapp', 'sender_device', '_r', '_t', 'feature', 'ref',
]);
const isTrackingParam = (key: string): boolean => {
  const k = key.toLowerCase();
  return k.startsWith('utm_') || TRACKING_PARAMS.has(k);
};

/** Host prefixes for the mobile or "www" edition of the same site. `vm.`/`vt.` short-link hosts are not here. */
const EDITION_PREFIXES = ['www.', 'm.', 'mobile.'];

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HTTP_SCHEME = /^https?:\/\//i;
/** `tiktok.com/@x/video/1` pasted without a scheme. A path is required: `john.doe` alone is a handle. */
const SCHEMELESS_URL = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\//i;

function stripEditionPrefix(host: string): string {
  let h = host;
  for (;;) {
    const prefix = EDITION_PREFIXES.find((p) => h.startsWith(p) && h.length > p.length && h.slice(p.length).includes('.'));
    if (!prefix) return h;
    h = h.slice(prefix.length);
  }
}

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function normaliseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(HTTP_SCHEME.test(raw) ? raw : `https://${raw}`);
  } catch {
    return undefined;
  }
  const host = stripEditionPrefix(url.hostname.toLowerCase());
  let path = url.pathname;
  const params = [...url.searchParams.entries()];
  if (host === 'youtu.be' && /^\/[^/]+\/?$/.test(path)) {
    // youtu.be/ID is the share button's form of youtube.com/watch?v=ID.
    params.push(['v', safeDecode(path.replace(/^\/|\/$/g, ''))]);
    return assemble('youtube.com', url.port, '/watch', params);
  }
  path = path.replace(/\/+$/, '');
  return assemble(host, url.port, path, params);
}

// Credentials and the fragment are dropped: neither says which content is meant. Plain http is
// written as https: platforms serve the same content on both.
function assemble(host: string, port: string, path: string, params: [string, string][]): string {
  const kept = params
    .filter(([key]) => !isTrackingParam(key))
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  return `https://${host}${port ? `:${port}` : ''}${path}${query ? `?${query}` : ''}`;
}

/**
 * The canonical form of a referral locator. http(s) URLs (and host/path pasted without a scheme)
 * are normalised as URLs; anything else is a platform id (`@handle`, a numeric id, a `tg://` link)
 * and is only trimmed and lowercased, since platforms treat handles case-insensitively.
 * Pure and total: a string that does not parse as a URL is treated as a platform id.
 */
export function normaliseLocator(locator: string): string {
  const trimmed = locator.trim();
  const looksLikeUrl = HTTP_SCHEME.test(trimmed) || (!HAS_SCHEME.test(trimmed) && SCHEMELESS_URL.test(trimmed));
  return (looksLikeUrl ? normaliseUrl(trimmed) : undefined) ?? trimmed.toLowerCase();
}

/**
 * The referral id for a locator hash: an RFC 9562 version 8 UUID (the version for application-defined
 * ids) made of the digest's first 32 hex digits with the version and variant digits set, lowercase, so
 * every UUID check on the way (path parameters, DTOs) accepts it. 122 bits keep accidental collisions out
 * of reach; the decider still compares the full hash on every ReferContent (REFERRAL_LOCATOR_MISMATCH).
 */
export function referralIdFor(locatorSha256: string): string {
  if (!isSha256Hex(locatorSha256)) {
    throw new DomainError('INVALID_SHA256', 'locatorSha256 must be a SHA-256 digest in hex (64 characters)', 'locatorSha256');
  }
  const h = locatorSha256.slice(0, 32).toLowerCase();
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
