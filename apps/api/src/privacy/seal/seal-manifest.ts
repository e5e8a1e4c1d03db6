import type { StoreFiles } from '../store-paths.js';
import type { CopiedKeys } from './seal-keys.js';
import type { CopyTally, CopyTotals } from './seal-tally.js';

// seal-manifest.json (ADR 19): the evidence of the one transformation a log ever undergoes. Per stream
// the old head hash (which the verified source's chain ends in) and the new one (over ciphertext), so
// anyone holding both files can check that each stream was carried over whole. Ids, counts and hashes
// only: no personal value.

export const MANIFEST_FILE = 'seal-manifest.json';

export interface SealManifest {
  format: 'liaison-seal-manifest/1';
  tool: { name: 'npm run privacy -- seal'; version: string };
  operator: string;
  startedAt: string;
  finishedAt: string;
  source: { events: string; keyStore: string | null; lastPosition: string };
  target: { events: string; keyStore: string };
  /** The embedded store keeps every event's global position, revision and id. */
  positions: 'preserved';
  totals: CopyTotals & {
    streams: number;
    keysCopied: number;
    tombstonesCopied: number;
    keysCreated: number;
    /** Subjects erased before the seal whose values were still in clear: sealed under a key that was never stored. */
    erasedSubjectsSealedWithoutKey: number;
  };
  /** Event types the field policy does not list, with their counts: copied as they were (nothing encrypted). */
  typesNotInPolicy: Record<string, number>;
  verification: { sourceChains: 'ok'; newChains: 'ok'; eventsCompared: number; plaintextPersonalValues: 0 };
  streams: Record<string, { events: number; oldHead: string | null; newHead: string | null }>;
}

export interface ManifestInput {
  operator: string;
  toolVersion: string;
  startedAt: string;
  finishedAt: string;
  from: StoreFiles;
  to: StoreFiles;
  head: bigint;
  tally: CopyTally;
  copied: CopiedKeys;
  erasedSubjects: number;
  keysNow: { keys: number; tombstones: number };
}

/** Built only after the new store was checked against the source (hence the fixed verification values). */
export function buildManifest(m: ManifestInput): SealManifest {
  const streams: SealManifest['streams'] = {};
  for (const [id, s] of [...m.tally.streams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    streams[id] = { events: s.events, oldHead: s.oldHead, newHead: s.newHead };
  }
  return {
    format: 'liaison-seal-manifest/1',
    tool: { name: 'npm run privacy -- seal', version: m.toolVersion },
    operator: m.operator,
    startedAt: m.startedAt,
    finishedAt: m.finishedAt,
    source: { events: m.from.events, keyStore: m.copied.keys + m.copied.tombstones > 0 ? m.from.keys : null, lastPosition: m.head.toString() },
    target: { events: m.to.events, keyStore: m.to.keys },
    positions: 'preserved',
    totals: {
      ...m.tally.totals,
      streams: m.tally.streams.size,
      keysCopied: m.copied.keys,
      tombstonesCopied: m.copied.tombstones,
      keysCreated: m.keysNow.keys - m.copied.keys,
      erasedSubjectsSealedWithoutKey: m.erasedSubjects,
    },
    typesNotInPolicy: Object.fromEntries([...m.tally.notInPolicy].sort(([a], [b]) => (a < b ? -1 : 1))),
    verification: { sourceChains: 'ok', newChains: 'ok', eventsCompared: m.tally.totals.events, plaintextPersonalValues: 0 },
    streams,
  };
}
