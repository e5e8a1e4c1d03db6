import { readdirSync, readFileSync } from 'node:fs';

/** CPU a thread has used, from /proc (Linux): user + system time and its nice value. */
export interface ThreadCpu {
  tid: number;
  nice: number;
  ms: number;
}

// USER_HZ is 100 on every Linux ABI Node runs on; /proc reports CPU time in those ticks.
const MS_PER_TICK = 10;

/** One line of /proc/<pid>/task/<tid>/stat, read past the command name (which may hold spaces). */
export function parseTaskStat(tid: number, stat: string): ThreadCpu {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields from `state` (3rd in proc(5)) on: utime and stime are 14th and 15th, nice the 19th.
  return { tid, ms: (Number(f[11]) + Number(f[12])) * MS_PER_TICK, nice: Number(f[16]) };
}

/** Every thread of a process; [] where /proc is missing (not Linux) or the process is gone. */
export function threadCpu(pid: number): ThreadCpu[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => {
      try {
        return [parseTaskStat(Number(t), readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8'))];
      } catch {
        return []; // the thread ended between listing and reading
      }
    });
  } catch {
    return [];
  }
}

/** CPU per command in µs, split by thread role. */
export interface CpuPerCommand {
  total: number;
  /** The event loop's thread (tid = pid): HTTP, auth, validation, the decider, replies. */
  request: number;
  /** Threads running below the process's priority: the service's projection workers. */
  lowered: number;
  /** Everything else: a store writer thread, libuv's pool (the reference's JWT checks), V8's GC helpers. */
  other: number;
}

/** Splits the CPU used between two snapshots of `pid`'s threads over `commands` commands. */
export function cpuPerCommand(pid: number, before: ThreadCpu[], after: ThreadCpu[], commands: number): CpuPerCommand | undefined {
  if (after.length === 0 || commands <= 0) return undefined;
  const start = new Map(before.map((t) => [t.tid, t.ms]));
  const baseNice = after.find((t) => t.tid === pid)?.nice ?? 0;
  const sum = { total: 0, request: 0, lowered: 0, other: 0 };
  for (const t of after) {
    const ms = t.ms - (start.get(t.tid) ?? 0);
    sum.total += ms;
    if (t.tid === pid) sum.request += ms;
    else if (t.nice > baseNice) sum.lowered += ms;
    else sum.other += ms;
  }
  const us = (ms: number) => (ms * 1000) / commands;
  return { total: us(sum.total), request: us(sum.request), lowered: us(sum.lowered), other: us(sum.other) };
}
