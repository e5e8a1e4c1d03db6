import fs from 'node:fs';
import { ConfigError } from '../config/app.config.js';

/**
 * Start-up refuses a DATA_DIR it cannot write (a read-only mount, a missing parent) with one clear line,
 * before anything opens a file there: no half-created store, keys or read models are left behind.
 * access(2) reports EROFS even to root, who passes every permission check.
 */
export function assertWritableDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    const why = code === 'EROFS' ? 'it is on a read-only file system' : code === 'EACCES' ? 'permission denied' : 'it cannot be created or written';
    throw new ConfigError(`DATA_DIR ${dir} is not writable: ${why} (${code}). Point DATA_DIR at a writable directory.`);
  }
}
