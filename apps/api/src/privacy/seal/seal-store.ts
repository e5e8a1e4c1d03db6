import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import {
  chainEvents, chainOf, encryptEvents, SqliteEventStore, type PersonalDataPolicy, type RecordedEvent, type VerifyReport,
} from '@liaison/event-store';
import { keyCounts } from '../status/store-status.js';
import { countPersonalFields } from '../status/personal-field-count.js';
import { sourceFiles, targetFiles, type StoreFiles } from '../store-paths.js';
import { SealKeys } from './seal-keys.js';
import { buildManifest, MANIFEST_FILE, type SealManifest } from './seal-manifest.js';
import type { Progress } from './seal-progress.js';
import { CopyTally, tallyMismatches } from './seal-tally.js';
import { checkTarget, pagesUpTo, verifySource } from './seal-verify.js';
import { SealWriter, type SealedRow } from './seal-writer.js';

// `npm run privacy -- seal <from> <to>` (ADR 19): an offline copy of an embedded store into a new one
// with every personal value encrypted under its subject's key and every stream re-chained over the
// ciphertext. The source is only read; the new store is checked against it before the manifest is
// written, and removed again if anything fails, so a folder with a manifest is a verified seal.

export interface SealOptions {
  from: string;
  to: string;
  operator: string;
  toolVersion: string;
  policy: PersonalDataPolicy;
  progress: Progress;
  now?: () => Date;
  /** Stops the seal between pages (Ctrl-C): it rejects with an AbortError and removes the new folder. */
  signal?: AbortSignal;
}

export type SealOutcome =
  | { ok: true; manifest: SealManifest; files: StoreFiles }
  | { ok: false; reason: 'source-chain-broken'; report: VerifyReport }
  | { ok: false; reason: 'source-changed' | 'copy-mismatch'; details: string[] };

/** Throws SealUsageError for bad paths (before anything is written); other errors leave no target behind. */
export async function sealStore(options: SealOptions): Promise<SealOutcome> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const from = sourceFiles(options.from);
  const to = targetFiles(options.to, from);
  const source = SqliteEventStore.open(from.events);
  try {
    const head = await source.headPosition();
    const sourceReport = await verifySource(source, head, options.progress, options.signal);
    if (!sourceReport.ok) return { ok: false, reason: 'source-chain-broken', report: sourceReport };
    const existedEmpty = readdirIfAny(to.dir) !== undefined;
    mkdirSync(to.dir, { recursive: true });
    let sealed: SealOutcome | undefined;
    try {
      sealed = await copyAndCheck(options, from, to, source, head, sourceReport.events, startedAt, now);
      return sealed;
    } finally {
      // Only a verified seal keeps its folder: a half-written or mismatching copy must never be swapped in.
      if (!sealed?.ok) removeTarget(to, existedEmpty);
    }
  } finally {
    await source.close();
  }
}

async function copyAndCheck(
  options: SealOptions, from: StoreFiles, to: StoreFiles, source: SqliteEventStore, head: bigint, total: number, startedAt: string, now: () => Date,
): Promise<SealOutcome> {
  const { keys, copied } = SealKeys.create(to.keys, from.keys);
  try {
    const tally = await copy(options, source, head, total, keys, to);
    if ((await source.headPosition()) !== head) {
      return { ok: false, reason: 'source-changed', details: ['events were appended to the source during the seal: stop the service and seal again'] };
    }
    const target = SqliteEventStore.open(to.events);
    try {
      const check = await checkTarget(source, target, head, total, keys, options.policy, options.progress, options.signal);
      const details = [
        ...tallyMismatches(tally, check.found),
        ...check.differences,
        ...(check.chains.ok ? [] : [`the new store's chains do not verify (first break at position ${check.chains.firstBreak?.position})`]),
        ...(check.plaintextFields === 0 ? [] : [`${check.plaintextFields} personal values are still in clear in the new store`]),
      ];
      if (details.length > 0) return { ok: false, reason: 'copy-mismatch', details };
    } finally {
      await target.close();
    }
    const manifest = buildManifest({
      operator: options.operator, toolVersion: options.toolVersion, startedAt, finishedAt: now().toISOString(),
      from, to, head, tally, copied, erasedSubjects: keys.erasedSubjects.size, keysNow: keyCounts(to.keys),
    });
    writeDurably(path.join(to.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return { ok: true, manifest, files: to };
  } finally {
    await keys.close();
  }
}

/** Page by page in $all order: encrypt (keys for the page in one batch), re-chain, insert (one fsync per page). */
async function copy(options: SealOptions, source: SqliteEventStore, head: bigint, total: number, keys: SealKeys, to: StoreFiles): Promise<CopyTally> {
  const tally = new CopyTally();
  const writer = new SealWriter(to.events);
  try {
    options.progress.start('seal', total);
    for await (const page of pagesUpTo(source, head, options.signal)) {
      const encrypted = await encryptEvents(options.policy, keys, page);
      writer.write(encrypted.map((e, i) => sealedRow(tally, page[i], e, options.policy)));
      options.progress.update(tally.totals.events);
    }
    options.progress.stop();
  } finally {
    writer.close();
  }
  return tally;
}

function sealedRow(tally: CopyTally, original: RecordedEvent, encrypted: RecordedEvent, policy: PersonalDataPolicy): SealedRow {
  // The chain helper of the command path: the same canonical form, so `audit verify` checks the copy.
  const { events: [chained], last } = chainEvents(tally.prevOf(original.streamId), [encrypted]);
  const fields = countPersonalFields(policy, original.type, original.data);
  if (!Object.hasOwn(policy, original.type)) tally.unknownType(original.type);
  tally.record(original.streamId, Number(original.revision), chainOf(original.metadata)?.hash ?? null, last!, fields);
  return [
    Number(original.position), original.id, original.streamId, Number(original.revision), original.type,
    JSON.stringify(chained.data), JSON.stringify(chained.metadata), original.recordedAt,
  ];
}

function readdirIfAny(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

function removeTarget(to: StoreFiles, keepFolder: boolean): void {
  if (!keepFolder) rmSync(to.dir, { recursive: true, force: true });
  // targetFiles() checked the folder was empty: everything in it now is the seal's.
  else for (const f of readdirSync(to.dir)) rmSync(path.join(to.dir, f), { recursive: true, force: true });
}

function writeDurably(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
