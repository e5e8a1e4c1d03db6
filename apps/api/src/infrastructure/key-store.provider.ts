import fs from 'node:fs';
import path from 'node:path';
import type { SubjectKeyStore } from '@liaison/event-store';
import type { AppConfig } from '../config/app.config.js';

/** Where the subject keys live (ADR 19): never inside the log, by default beside it. */
export const keyStoreFileOf = (config: AppConfig): string => config.keyStoreFile ?? path.join(config.dataDir, 'keys.db');

/**
 * The embedded key store. Created on first use, except when the log already holds ciphertext
 * (`logHoldsCiphertext`, asked only if the file is absent): then a missing key store is a lost one,
 * and start-up stops with KeyStoreMissing rather than reading every personal value as unavailable.
 * An HSM/KMS deployment wraps the stored keys through the store's `wrap` option (the seam in ADR 19).
 */
export async function openKeyStore(config: AppConfig, logHoldsCiphertext: () => boolean): Promise<SubjectKeyStore> {
  const { SqliteKeyStore } = await import('@liaison/event-store');
  const file = keyStoreFileOf(config);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mustExist = !fs.existsSync(file) && logHoldsCiphertext();
  // Where the log commits on a writer thread, new keys do too: the event loop never waits for an fsync.
  return SqliteKeyStore.open(file, { mustExist, creations: config.storeWriter === 'thread' ? 'thread' : 'inline' });
}
