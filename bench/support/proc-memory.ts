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

/** Where a process's resident memory lies, in bytes, by the kind of mapping that holds it. */
export interface MemoryBreakdown {
  /** Anonymous 256 KiB mappings: V8's heap pages, every isolate (main thread and workers) together. */
  v8Pages: number;
  /** The brk heap and glibc's arenas (other anonymous mappings ≥ 1 MiB): SQLite's page caches, native buffers. */
  malloc: number;
  /** Mapped files: the node binary, shared libraries, better-sqlite3's addon. */
  files: number;
  /** Everything else: stacks, V8 code pages, small mappings. */
  other: number;
}

const HEADER = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ (\d+)\s*(.*)$/;

/** Sorts /proc/<pid>/smaps' Rss lines by mapping kind (see MemoryBreakdown). */
export function memoryBreakdownOf(smaps: string): MemoryBreakdown {
  const out: MemoryBreakdown = { v8Pages: 0, malloc: 0, files: 0, other: 0 };
  let kind: keyof MemoryBreakdown = 'other';
  for (const line of smaps.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      const size = parseInt(header[2], 16) - parseInt(header[1], 16);
      const name = header[4].trim();
      if (name === '[heap]') kind = 'malloc';
      else if (header[3] !== '0' || name.startsWith('/')) kind = 'files';
      else if (name !== '') kind = 'other';
      else if (size === 256 * 1024) kind = 'v8Pages';
      else kind = size >= 1024 * 1024 ? 'malloc' : 'other';
    } else if (line.startsWith('Rss:')) {
      out[kind] += Number(line.split(/\s+/)[1]) * 1024;
    }
  }
  return out;
}

export function memoryBreakdown(pid: number): MemoryBreakdown {
  return memoryBreakdownOf(readFileSync(`/proc/${pid}/smaps`, 'utf8'));
}
