import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small tmpfs to fill: the only honest way to see what the service does when its disk is full. */
export interface Tmpfs {
  dir: string;
  /** Changes the size (e.g. '64m'), as an operator growing the volume would. */
  resize(size: string): void;
  /** Remounts with other options, e.g. 'ro' for a read-only file system. */
  remount(options: string): void;
  unmount(): void;
}

/**
 * Mounts a tmpfs of `size` (needs root, or CAP_SYS_ADMIN). Returns undefined with the reason where
 * mounting is not permitted, so the caller can skip loudly instead of passing silently.
 */
export function mountTmpfs(prefix: string, size: string): Tmpfs | { skipped: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    return { skipped: `cannot mount a tmpfs here (${stderr || (e as Error).message})` };
  }
  let mounted = true;
  return {
    dir,
    resize: (to) => execFileSync('mount', ['-o', `remount,size=${to}`, dir], { stdio: 'pipe' }),
    remount: (options) => execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'pipe' }),
    unmount: () => {
      if (mounted) execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      mounted = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
