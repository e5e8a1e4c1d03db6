import { readFile, stat } from 'node:fs/promises';
import { createLocalJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import type { PublicJwks } from './auth.types.js';

export interface FileKeySetOptions {
  now: () => number;
  /** Minimum gap between file checks; bounds disk I/O when attackers send random `kid`s. */
  reloadIntervalMs: number;
}

type LocalSet = ReturnType<typeof createLocalJWKSet>;

/**
 * A JWKS backed by a file, so keys can be rotated without a restart: the file is
 * re-read when its mtime changes or a token names an unknown `kid`, at most once
 * per `reloadIntervalMs`.
 */
export function createFileKeySet(path: string, opts: FileKeySetOptions): JWTVerifyGetKey {
  let local: LocalSet | undefined;
  let loadedVersion = '';
  let lastCheckAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;

  const load = async (force: boolean): Promise<void> => {
    const info = await stat(path);
    const version = `${info.mtimeMs}:${info.size}`;
    if (!force && local !== undefined && version === loadedVersion) return;
    const parsed = JSON.parse(await readFile(path, 'utf8')) as PublicJwks;
    local = createLocalJWKSet(parsed);
    loadedVersion = version;
  };

  // Concurrent requests share one reload; a failed reload keeps the previous keys.
  const refresh = (force: boolean): Promise<void> => {
    const now = opts.now();
    if (local !== undefined && now - lastCheckAt < opts.reloadIntervalMs) return Promise.resolve();
    lastCheckAt = now;
    pending ??= load(force)
      .catch((err: unknown) => {
        if (local === undefined) throw err;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return async (header, token) => {
    await refresh(false);
    if (local === undefined) throw new errors.JWKSInvalid('JWKS file not loaded');
    try {
      return await local(header, token);
    } catch (err) {
      if (!(err instanceof errors.JWKSNoMatchingKey)) throw err;
      await refresh(true);
      return local(header, token);
    }
  };
}
