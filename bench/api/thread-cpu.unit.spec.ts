import { cpuPerCommand, parseTaskStat, threadCpu } from './thread-cpu.js';

// A real /proc/<pid>/task/<tid>/stat line, with a command name that holds a space and a ')'.
const stat = (comm: string, utime: number, stime: number, nice: number) =>
  `4242 (${comm}) S 1 4242 4242 0 -1 4194560 9731 0 0 0 ${utime} ${stime} 0 0 20 ${nice} 11 0 1234 1161805824 12345`;

describe('per-thread CPU from /proc', () => {
  it('reads utime + stime in ms and the nice value, whatever the command name holds', () => {
    expect(parseTaskStat(4242, stat('node', 150, 50, 0))).toEqual({ tid: 4242, ms: 2000, nice: 0 });
    expect(parseTaskStat(7, stat('x) (y', 3, 4, 5))).toEqual({ tid: 7, ms: 70, nice: 5 });
  });

  it('splits the CPU between two snapshots by thread role, per command in µs', () => {
    const before = [{ tid: 100, nice: 0, ms: 1000 }, { tid: 101, nice: 5, ms: 500 }, { tid: 102, nice: 0, ms: 10 }];
    // 103 started after the first snapshot: all its time belongs to the run.
    const after = [{ tid: 100, nice: 0, ms: 3000 }, { tid: 101, nice: 5, ms: 1500 }, { tid: 102, nice: 0, ms: 510 }, { tid: 103, nice: 0, ms: 500 }];
    expect(cpuPerCommand(100, before, after, 10_000)).toEqual({ total: 400, request: 200, lowered: 100, other: 100 });
  });

  it('counts threads as lowered only relative to the process, which may itself be niced', () => {
    const after = [{ tid: 1, nice: 5, ms: 100 }, { tid: 2, nice: 5, ms: 100 }, { tid: 3, nice: 10, ms: 100 }];
    expect(cpuPerCommand(1, [], after, 1000)).toEqual({ total: 300, request: 100, lowered: 100, other: 100 });
  });

  it('reports nothing rather than zeros when nothing could be read or nothing ran', () => {
    expect(cpuPerCommand(1, [], [], 1000)).toBeUndefined();
    expect(cpuPerCommand(1, [], [{ tid: 1, nice: 0, ms: 5 }], 0)).toBeUndefined();
  });

  it('reads this process, whose main thread has the pid as its thread id', () => {
    if (process.platform !== 'linux') return;
    const threads = threadCpu(process.pid);
    expect(threads.some((t) => t.tid === process.pid)).toBe(true);
    expect(threadCpu(2 ** 22 + 17)).toEqual([]);
  });
});
