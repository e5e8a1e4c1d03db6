import os from 'node:os';
import path from 'node:path';

export type StoreKind = 'sqlite' | 'esdb';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: StoreKind;
  esdbConnectionString?: string;
  /**
   * Names this process among the replicas sharing one store: it suffixes the access-log streams it
   * appends to (ADR 21), so replicas never contend for one stream. REPLICA_ID, default the host name.
   */
  replicaId?: string;
  /** Embedded store: commit appends on a writer thread ('thread') or on the main thread ('inline'). */
  storeWriter?: 'inline' | 'thread';
  production: boolean;
  /** Bytes; larger request bodies get 413 before any parsing. */
  bodyLimit: number;
  /** Bytes for bulk files (CSV / JSON Lines imports); default DEFAULT_BULK_BODY_LIMIT. */
  bulkBodyLimit?: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Commands are refused while free space under dataDir is at or below this many bytes (0: never; default DEFAULT_DISK_RESERVE_MB). */
  diskReserveBytes?: number;
  /** /metrics answers only with this bearer token; without one it does not exist (404). */
  metricsToken?: string;
  /**
   * Encrypt personal fields of new events under per-subject keys (ADR 19). Default on; off only to measure
   * its cost (the api bench) or for a store that must stay readable without keys. Reads always decrypt.
   */
  personalDataEncryption?: boolean;
  /** The subject key store (default DATA_DIR/keys.db): back it up separately from events.db (README). */
  keyStoreFile?: string;
  /** Development mode: lifetime of the development IdPs' dashboard access tokens (seconds). */
  devIdpTokenTtlSec?: number;
}

export const DEFAULT_DEV_IDP_TOKEN_TTL_SEC = 3600;

/** A 2,145-item action day is ~0.5 MB of CSV; 8 MiB leaves room for 20,000 rows with long URLs. */
export const DEFAULT_BULK_BODY_LIMIT = 8 * 1024 * 1024;
/** Room for a WAL checkpoint (the log's WAL grows to ~40 MB between checkpoints), access records and read models. */
export const DEFAULT_DISK_RESERVE_MB = 64;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the environment once at start-up; invalid settings stop the service with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0-65535, got "${env.PORT}"`);
  const eventStore = (env.EVENT_STORE ?? 'sqlite') as StoreKind;
  if (eventStore !== 'sqlite' && eventStore !== 'esdb') {
    throw new ConfigError(`EVENT_STORE must be "sqlite" or "esdb", got "${env.EVENT_STORE}"`);
  }
  if (eventStore === 'esdb' && !env.ESDB_CONNECTION_STRING) {
    throw new ConfigError('EVENT_STORE=esdb needs ESDB_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false');
  }
  const bodyLimit = Number(env.BODY_LIMIT_BYTES ?? 64 * 1024);
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) throw new ConfigError('BODY_LIMIT_BYTES must be an integer >= 1024');
  const bulkBodyLimit = Number(env.BULK_BODY_LIMIT_BYTES ?? DEFAULT_BULK_BODY_LIMIT);
  if (!Number.isInteger(bulkBodyLimit) || bulkBodyLimit < bodyLimit) throw new ConfigError('BULK_BODY_LIMIT_BYTES must be an integer >= BODY_LIMIT_BYTES');
  // Compiled, the service commits on a writer thread so its event loop never waits for an fsync.
  // From TypeScript sources (tests, tsx tools) that thread would first have to load tsx: inline.
  const storeWriter = env.STORE_WRITER ?? (import.meta.url.endsWith('.js') ? 'thread' : 'inline');
  if (storeWriter !== 'inline' && storeWriter !== 'thread') throw new ConfigError(`STORE_WRITER must be "inline" or "thread", got "${storeWriter}"`);
  const logLevel = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug', 'verbose'].includes(logLevel)) throw new ConfigError(`LOG_LEVEL invalid: "${env.LOG_LEVEL}"`);
  const encryption = env.PERSONAL_DATA_ENCRYPTION ?? 'on';
  if (encryption !== 'on' && encryption !== 'off') throw new ConfigError(`PERSONAL_DATA_ENCRYPTION must be "on" or "off", got "${encryption}"`);
  const reserveMb = Number(env.DISK_RESERVE_MB ?? DEFAULT_DISK_RESERVE_MB);
  if (!Number.isFinite(reserveMb) || reserveMb < 0) throw new ConfigError(`DISK_RESERVE_MB must be a number >= 0, got "${env.DISK_RESERVE_MB}"`);
  const replicaId = env.REPLICA_ID ?? defaultReplicaId();
  if (!REPLICA_ID.test(replicaId)) throw new ConfigError(`REPLICA_ID must be 1-40 characters of a-z 0-9 and -, got "${env.REPLICA_ID}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    eventStore,
    esdbConnectionString: env.ESDB_CONNECTION_STRING,
    replicaId,
    storeWriter,
    production: env.NODE_ENV === 'production',
    bodyLimit,
    bulkBodyLimit,
    logLevel,
    diskReserveBytes: Math.round(reserveMb * 1024 * 1024),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    devIdpTokenTtlSec: devIdpTokenTtl(env.DEV_IDP_TOKEN_TTL),
    personalDataEncryption: encryption === 'on',
    ...(env.KEY_STORE_FILE ? { keyStoreFile: path.resolve(env.KEY_STORE_FILE) } : {}),
  };
}

const REPLICA_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * The host name, lower-cased and reduced to stream-name-safe characters: stable across restarts on
 * one machine, distinct per container or pod. Two processes on one host need REPLICA_ID set apart.
 */
export function defaultReplicaId(hostname: string = os.hostname()): string {
  const id = hostname.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');
  return id || 'replica';
}

/** The configured replica id, or the default for configs built by hand (tests). */
export const replicaIdOf = (config: Pick<AppConfig, 'replicaId'>): string => config.replicaId ?? defaultReplicaId();

function devIdpTokenTtl(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_DEV_IDP_TOKEN_TTL_SEC;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 10 || seconds > 86_400) throw new ConfigError('DEV_IDP_TOKEN_TTL must be 10-86400 seconds');
  return seconds;
}

function metricsToken(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  return value;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
