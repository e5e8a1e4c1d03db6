import { createHash } from 'node:crypto';

/**
 * Shared pieces of the platform half of the seed story: seeded randomness, instants and fictional
 * locators. Every locator is on a reserved `.example` domain (RFC 2606) and every account, channel
 * and unit is invented; the shape follows the news the product grew from (Europol's TikTok referral
 * action day of 2,145 items, Telegram "crime menus" that go unanswered, SE/DK pressure on platforms).
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The referring units of the two liaison officers (fictional). */
export const UNITS = {
  se: 'Noa internet referral desk (fictional)',
  dk: 'NSK online referral desk (fictional)',
} as const;

/** How each platform is reached (fictional channel names). */
export const CHANNELS: Readonly<Record<string, string>> = {
  tiktok: 'TikTok law-enforcement portal (fictional entry)',
  telegram: 'Telegram abuse address (fictional entry)',
  snapchat: 'Snapchat law-enforcement portal (fictional entry)',
  instagram: 'Meta law-enforcement portal (fictional entry)',
  youtube: 'Google trusted-flagger form (fictional entry)',
};

/**
 * A deterministic random source (mulberry32) per seed and label: the same seed tells the same story,
 * so repeated runs on fresh stores give the same figures, and two seeds do not share content.
 */
export function seededRandom(seed: string, label: string): () => number {
  let a = createHash('sha256').update(`liaison-seed-story\n${seed}\n${label}`).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fisher-Yates with the seeded source. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `n` decimal digits derived from seed and label: post and video ids that differ per seed. */
export function digits(seed: string, label: string, n: number): string {
  const hex = createHash('sha256').update(`liaison-seed-story\n${seed}\n${label}`).digest('hex');
  return BigInt(`0x${hex}`).toString().slice(0, n).padStart(n, '1');
}

/** A short seed tag so accounts and channels of two seeds never normalise to the same locator. */
export function seedTag(seed: string): string {
  return createHash('sha256').update(`liaison-seed-story\n${seed}`).digest('hex').slice(0, 4);
}

/**
 * ISO instant of epoch `ms`, seconds dropped (like daysBefore). Dropping only moves an instant
 * earlier and keeps order, so "sent + 40 min" stays after "sent" and nothing passes `now`.
 */
export function instant(ms: number): string {
  const t = new Date(ms);
  t.setUTCSeconds(0, 0);
  return t.toISOString();
}

/** A CSV cell: quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly (string | undefined)[]): string {
  return values.map(csvCell).join(',');
}

/** `https://tiktok.example/@account/video/id`, the form officers paste from a desktop browser. */
export function tiktokVideo(account: string, id: string): string {
  return `https://tiktok.example/@${account}/video/${id}`;
}

/** `https://t.me.example/channel/post`: a post in a public Telegram channel. */
export function telegramPost(channel: string, post: string): string {
  return `https://t.me.example/${channel}/${post}`;
}
