import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { integerSetting } from '../../config/integer-setting.js';

/**
 * Lowers the scheduling priority of the calling thread by `niceness` steps below where it runs now
 * (Linux: nice is per thread, addressed by its thread id, which /proc/thread-self names). Projection
 * workers run behind the request path: when the cores are busy, commands and queries get them first
 * and read models catch up in the gaps (read-your-writes waits for them). Elsewhere, or if the OS
 * refuses, it does nothing.
 */
export function lowerThreadPriority(niceness: number): boolean {
  if (process.platform !== 'linux' || niceness <= 0) return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.min(19, getPriority(tid) + niceness));
    return true;
  } catch {
    return false;
  }
}

/** PROJECTION_NICE: how many nice steps projection threads run below the service (0–19, default 5). */
export function projectionNiceness(env: NodeJS.ProcessEnv = process.env): number {
  return integerSetting(env, 'PROJECTION_NICE', 5, 0, 19);
}
