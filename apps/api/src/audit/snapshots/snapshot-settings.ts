import path from 'node:path';
import type { AppConfig } from '../../config/app.config.js';
import { integerSetting } from '../../config/integer-setting.js';
import { SnapshotFolder } from './snapshot-folder.js';
import type { SnapshotPolicy } from './take-snapshots.js';

export const DEFAULT_SNAPSHOT_EVERY = 25_000;
export const DEFAULT_SNAPSHOT_BUDGET_MB = 4096;
export const DEFAULT_SNAPSHOT_CHECK_MS = 30_000;

export interface SnapshotSettings extends SnapshotPolicy {
  /** How often the keeper looks whether the log has grown by `every` events since its last run. */
  checkMs: number;
}

/**
 * SNAPSHOT_EVERY (events between two snapshots of a read model; 0 turns snapshots off),
 * SNAPSHOT_BUDGET_MB (disk for all of DATA_DIR/snapshots), SNAPSHOT_CHECK_MS. Undefined when off.
 */
export function snapshotSettings(env: NodeJS.ProcessEnv = process.env): SnapshotSettings | undefined {
  const every = integerSetting(env, 'SNAPSHOT_EVERY', DEFAULT_SNAPSHOT_EVERY, 0, 1_000_000_000);
  if (every === 0) return undefined;
  return {
    every,
    budgetBytes: integerSetting(env, 'SNAPSHOT_BUDGET_MB', DEFAULT_SNAPSHOT_BUDGET_MB, 0, 100_000_000) * 1024 * 1024,
    checkMs: integerSetting(env, 'SNAPSHOT_CHECK_MS', DEFAULT_SNAPSHOT_CHECK_MS, 10, 86_400_000),
  };
}

/** What the snapshot thread (threads/snapshot-worker.entry.ts) is started with. */
export interface SnapshotWorkerInit {
  config: AppConfig;
  root: string;
  policy: SnapshotPolicy;
}

/** SNAPSHOT_NICE: how many nice steps the snapshot thread runs below the service (0–19, default 19: only idle cores). */
export function snapshotNiceness(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'SNAPSHOT_NICE', 19, 0, 19);
}

/** DATA_DIR/snapshots, or undefined when snapshots are off (reproductions then replay from position 0). */
export function snapshotFolderOf(config: Pick<AppConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): SnapshotFolder | undefined {
  return snapshotSettings(env) ? new SnapshotFolder(path.join(config.dataDir, 'snapshots')) : undefined;
}
