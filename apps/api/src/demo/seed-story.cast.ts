import { createHash } from 'node:crypto';
import type { Officer } from './command-api.client.js';

/**
 * The fictional cast of the seed story. Everything here is invented: pseudonyms only (no names),
 * facilities marked "(fictional entry)", case titles marked "(fictional)". It mirrors the shape of
 * the Aug 2024 news (Swedish teenagers hired for violence in Copenhagen, handlers abroad recruiting
 * through Telegram "menus" and TikTok), not any real person or case.
 */

/** The liaison officers who record the story. */
export const OFFICERS = {
  /** Swedish liaison officer posted in Copenhagen. */
  se: { country: 'SE', sub: 'demo-se-liaison-cph' },
  /** Danish officer seconded to Noa in Stockholm. */
  dk: { country: 'DK', sub: 'demo-dk-liaison-noa' },
} as const satisfies Record<string, Officer>;

export const CASE_TITLES = {
  main: 'Operation Nordlys (fictional): hired teenagers, Copenhagen violence wave',
  noShared: 'Operation Fjällräv (fictional): weapons courier route via Oslo',
  dkOnly: 'Operation Havnefront (fictional): local accomplices, Copenhagen harbour',
  h3: 'Operation Skymning (fictional): TikTok boasting videos, source protection',
} as const;

export const H3_TEXT =
  'Fictional restriction for the demo: not to be used in judicial proceedings outside the Nordic states ' +
  'without the written consent of the Swedish Police Authority.';

export const LEGAL_BASIS = 'Retsplejeloven §762 (varetægtsfængsling)';

export const FACILITIES = [
  'Vestre Fængsel (fictional entry)',
  'Københavns Fængsler, Blegdamsvej (fictional entry)',
  'Nykøbing Falster Arrest (fictional entry)',
] as const;

/** One of the seventeen Swedish teenagers detained in Denmark. */
export interface Teen {
  key: string;
  pseudonym: string;
  birthYear: number;
  /** SE always first; some are dual nationals. */
  nationalities: string[];
  /** Further names (online handles) the teen is known by; searchable. */
  aliases?: string[];
  /** Who registers the person and records the detention. */
  recordedBy: 'se' | 'dk';
  detainedDaysAgo: number;
  /** Days from `now` to the next custody review (negative: already past, extended later). */
  reviewInDays: number;
  /** Released this many days ago (DetentionEnded, outcome released). */
  releasedDaysAgo?: number;
  /** Custody extended: new review this many days from `now`. */
  extendedToDays?: number;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQ';

const DUAL: Record<string, string> = { B: 'IQ', F: 'IQ', L: 'SO', O: 'IQ' };
const RELEASED: Record<string, number> = { F: 12, M: 4 };
/** Reviews inside the next seven days: C directly, L after an extension. */
const REVIEW: Record<string, number> = { C: 2, L: -3 };
const EXTENDED: Record<string, number> = { L: 5 };
/** Online handles (invented) two of the teens are known by, so search has aliases to find. */
const ALIASES: Record<string, string[]> = { B: ['Lillebror'], K: ['kniven_cph'] };

/** Ungdom A … Ungdom Q: A–J recorded by the Swedish owner, K–Q by the Danish contributor. */
export const TEENS: readonly Teen[] = [...LETTERS].map((letter, i) => ({
  key: letter,
  pseudonym: `Ungdom ${letter}`,
  birthYear: 2006 + (i % 4),
  nationalities: DUAL[letter] ? ['SE', DUAL[letter]] : ['SE'],
  ...(ALIASES[letter] ? { aliases: ALIASES[letter] } : {}),
  recordedBy: i < 10 ? 'se' : 'dk',
  // "Detained since the spring": spread over roughly five months before `now`.
  detainedDaysAgo: 150 - i * 8,
  reviewInDays: REVIEW[letter] ?? 14 + (i % 3) * 7,
  ...(RELEASED[letter] !== undefined ? { releasedDaysAgo: RELEASED[letter] } : {}),
  ...(EXTENDED[letter] !== undefined ? { extendedToDays: EXTENDED[letter] } : {}),
}));

/** Handlers believed abroad, in countries that rarely extradite. */
export interface HandlerRole {
  key: string;
  alias: string;
  believedCountry: string;
  platforms: string[];
  identifiedBy: 'se' | 'dk';
  links: { teen: string; relation: 'recruited' | 'instructed' | 'paid' }[];
  /** Later believed elsewhere (UpdateHandlerLocation by the SE owner). */
  movedTo?: string;
}

export const HANDLERS: readonly HandlerRole[] = [
  {
    key: 'menu-man',
    alias: "Handler 'Menu-Man'",
    believedCountry: 'AE',
    platforms: ['telegram'],
    identifiedBy: 'se',
    links: [
      { teen: 'A', relation: 'recruited' }, { teen: 'A', relation: 'paid' },
      { teen: 'B', relation: 'recruited' }, { teen: 'B', relation: 'instructed' },
      { teen: 'C', relation: 'recruited' }, { teen: 'K', relation: 'paid' },
    ],
  },
  {
    key: 'klippet',
    alias: "Handler 'Klippet'",
    believedCountry: 'TR',
    platforms: ['tiktok', 'telegram', 'snapchat'],
    identifiedBy: 'dk',
    links: [
      { teen: 'D', relation: 'recruited' }, { teen: 'E', relation: 'recruited' },
      { teen: 'L', relation: 'recruited' }, { teen: 'L', relation: 'instructed' }, { teen: 'N', relation: 'paid' },
    ],
    movedTo: 'IQ',
  },
];

/** Pseudonyms the scenario writes besides the teens (the e2e spec checks none reaches the logs). */
export const OTHER_PSEUDONYMS = ["Menu-Man (wanted)", 'Kontakt Fjällräv', 'Havnefront-ung 1'] as const;

/** Every pseudonym and alias the scenario records. */
export const ALL_PSEUDONYMS: readonly string[] = [
  ...TEENS.map((t) => t.pseudonym),
  ...TEENS.flatMap((t) => t.aliases ?? []),
  ...HANDLERS.map((h) => h.alias),
  ...OTHER_PSEUDONYMS,
];

/**
 * Deterministic UUIDs (name-based, version 5 layout) from a seed and a label, so the same seed
 * always yields the same case/person/detention ids and a second run cannot duplicate the story.
 */
export function fictionalId(seed: string, label: string): string {
  const hash = createHash('sha1').update(`liaison-seed-story\n${seed}\n${label}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ISO instant `days` (may be fractional or negative) before `now`, to the minute. */
export function daysBefore(now: Date, days: number): string {
  const t = new Date(now.getTime() - days * 86_400_000);
  t.setUTCSeconds(0, 0);
  return t.toISOString();
}
