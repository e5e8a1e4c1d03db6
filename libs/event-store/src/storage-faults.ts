// What the storage under a store said, in three kinds a caller can act on. Raw driver errors
// (SqliteError, ENOSPC from fs, gRPC statuses) mean nothing to the HTTP layer or to a projection
// loop; these do: full (free space, then retry), unavailable (retry later), corrupt (an operator
// must look). `code` keeps the underlying code so logs and metrics still say exactly what happened.

export type StorageFaultKind = 'full' | 'unavailable' | 'corrupt';

export abstract class StorageFault extends Error {
  abstract readonly kind: StorageFaultKind;
  constructor(
    /** The driver's own code: SQLITE_FULL, SQLITE_IOERR_WRITE, ENOSPC, esdb:unavailable … */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** No space left for the write (SQLITE_FULL, ENOSPC, EDQUOT): retry once space is freed. */
export class StorageFull extends StorageFault {
  override readonly name = 'StorageFull';
  readonly kind = 'full' as const;
}

/** The storage cannot take the request now (I/O error, read-only, busy past its timeout, server unreachable). */
export class StorageUnavailable extends StorageFault {
  override readonly name = 'StorageUnavailable';
  readonly kind = 'unavailable' as const;
}

/** The file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB): retrying will not help. */
export class StorageCorrupt extends StorageFault {
  override readonly name = 'StorageCorrupt';
  readonly kind = 'corrupt' as const;
}

const BY_KIND = { full: StorageFull, unavailable: StorageUnavailable, corrupt: StorageCorrupt } as const;

/** Rebuilds a fault from its parts, e.g. after it crossed a thread boundary as data. */
export function storageFault(kind: StorageFaultKind, code: string, message: string): StorageFault {
  return new BY_KIND[kind](code, message);
}

// SQLite extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED …) share their primary code's prefix.
const SQLITE_PREFIXES: [string, StorageFaultKind, string][] = [
  ['SQLITE_FULL', 'full', 'the disk under the event store is full'],
  ['SQLITE_IOERR', 'unavailable', 'the event store could not read or write its file'],
  ['SQLITE_READONLY', 'unavailable', 'the event store file is read-only'],
  ['SQLITE_BUSY', 'unavailable', 'the event store stayed locked past its timeout'],
  ['SQLITE_CANTOPEN', 'unavailable', 'the event store file cannot be opened'],
  ['SQLITE_CORRUPT', 'corrupt', 'the event store file is corrupt'],
  ['SQLITE_NOTADB', 'corrupt', 'the event store file is not a database'],
];

const ERRNO: Record<string, [StorageFaultKind, string]> = {
  ENOSPC: ['full', 'no space left on the device'],
  EDQUOT: ['full', 'disk quota exceeded'],
  EROFS: ['unavailable', 'the file system is read-only'],
  EIO: ['unavailable', 'input/output error on the device'],
};

// @eventstore/db-client's CommandError.type values that mean "the server can't serve this now".
const ESDB_TYPES: Record<string, string> = {
  unavailable: 'EventStoreDB is unavailable',
  'deadline-exceeded': 'EventStoreDB did not answer in time',
  timeout: 'EventStoreDB did not answer in time',
  'not-leader': 'the EventStoreDB node is not the leader',
  // What a call in flight gets when the connection drops (server stopped, network cut).
  cancelled: 'the connection to EventStoreDB was lost',
};

/** gRPC status codes (CANCELLED, DEADLINE_EXCEEDED, UNAVAILABLE) as the client's error types. */
const GRPC_STATUSES: Record<number, string> = { 1: 'cancelled', 4: 'deadline-exceeded', 14: 'unavailable' };

/**
 * The storage fault behind an error, or undefined if it is not one (a conflict, a bug). Messages are
 * fixed texts, never the driver's message, which can carry paths or SQL with data in it.
 */
export function classifyStorageError(error: unknown): StorageFault | undefined {
  if (error instanceof StorageFault) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, type } = error as { code?: unknown; type?: unknown };
  if (typeof code === 'string') {
    for (const [prefix, kind, message] of SQLITE_PREFIXES) if (code.startsWith(prefix)) return storageFault(kind, code, message);
    const errno = ERRNO[code];
    if (errno) return storageFault(errno[0], code, errno[1]);
  }
  if (typeof type === 'string' && ESDB_TYPES[type]) return new StorageUnavailable(`esdb:${type}`, ESDB_TYPES[type]);
  // Some client paths (BatchAppend) pass the raw gRPC ServiceError on, with a numeric status code.
  const grpc = typeof code === 'number' && 'metadata' in error ? GRPC_STATUSES[code] : undefined;
  if (grpc) return new StorageUnavailable(`esdb:${grpc}`, ESDB_TYPES[grpc]);
  return undefined;
}

/** The error as a StorageFault where it is one, else unchanged: for `catch (e) { throw asStorageFault(e) }`. */
export function asStorageFault(error: unknown): unknown {
  return classifyStorageError(error) ?? error;
}

/** The last storage fault a store's writes met, with when; cleared by the next write that succeeds. */
export interface WriteFault {
  fault: StorageFault;
  at: number;
}

/**
 * Watches a store's appends so readiness can say "this store cannot take writes" without writing
 * anything itself. Appends still fail with the classified fault, so callers need no second check.
 */
export class WriteFaultTracker {
  last: WriteFault | undefined;

  track<T>(append: Promise<T>): Promise<T> {
    return append.then(
      (result) => {
        this.last = undefined;
        return result;
      },
      (error: unknown) => {
        const fault = classifyStorageError(error);
        if (!fault) throw error;
        this.last = { fault, at: Date.now() };
        throw fault;
      },
    );
  }
}
