import { readFileSync } from 'node:fs';

/**
 * VmRSS (now) and VmHWM (peak since start) of another process, from /proc, in bytes: the whole
 * process with every thread, which is what an operator's container limit counts.
 */
export function procMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}
