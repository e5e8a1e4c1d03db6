import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { WrongExpectedVersion } from './event-store.errors.js';
import { StorageCorrupt, StorageFull, StorageUnavailable, classifyStorageError, WriteFaultTracker } from './storage-faults.js';
import { decodeError, encodeError } from './sqlite/sqlite-writer.protocol.js';

const withCode = (code: string, name = 'SqliteError') => Object.assign(new Error(`raw ${code} /data/events.db`), { name, code });

describe('classifyStorageError', () => {
  it.each([
    ['SQLITE_FULL', StorageFull],
    ['ENOSPC', StorageFull],
    ['EDQUOT', StorageFull],
    ['SQLITE_IOERR', StorageUnavailable],
    ['SQLITE_IOERR_WRITE', StorageUnavailable],
    ['SQLITE_IOERR_FSYNC', StorageUnavailable],
    ['SQLITE_READONLY', StorageUnavailable],
    ['SQLITE_READONLY_DBMOVED', StorageUnavailable],
    ['SQLITE_BUSY', StorageUnavailable],
    ['EROFS', StorageUnavailable],
    ['SQLITE_CORRUPT', StorageCorrupt],
    ['SQLITE_NOTADB', StorageCorrupt],
  ])('%s is a %p with the underlying code and a fixed message', (code, type) => {
    const fault = classifyStorageError(withCode(code));
    expect(fault).toBeInstanceOf(type);
    expect(fault?.code).toBe(code);
    // The driver's message can name paths or carry data; the fault's never does.
    expect(fault?.message).not.toContain('/data');
  });

  it.each(['unavailable', 'deadline-exceeded', 'not-leader', 'timeout', 'cancelled'])('EventStoreDB %s is StorageUnavailable', (type) => {
    const fault = classifyStorageError(Object.assign(new Error('grpc'), { type, code: 14 }));
    expect(fault).toBeInstanceOf(StorageUnavailable);
    expect(fault?.code).toBe(`esdb:${type}`);
  });

  it.each([[14, 'esdb:unavailable'], [4, 'esdb:deadline-exceeded'], [1, 'esdb:cancelled']])('a raw gRPC ServiceError with status %d is StorageUnavailable', (status, code) => {
    const fault = classifyStorageError(Object.assign(new Error(`${status} UNAVAILABLE: connect ECONNREFUSED`), { code: status, details: '', metadata: {} }));
    expect(fault).toBeInstanceOf(StorageUnavailable);
    expect(fault?.code).toBe(code);
  });

  it('leaves everything else alone: conflicts, constraint violations, bugs', () => {
    expect(classifyStorageError(new WrongExpectedVersion('s', 0n, 1n))).toBeUndefined();
    expect(classifyStorageError(withCode('SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
    expect(classifyStorageError(new TypeError('x is undefined'))).toBeUndefined();
    expect(classifyStorageError(Object.assign(new Error('nf'), { type: 'stream-not-found' }))).toBeUndefined();
    expect(classifyStorageError('SQLITE_FULL')).toBeUndefined();
  });

  it('classifies a real SQLITE_FULL from better-sqlite3', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t(x TEXT)');
    db.pragma('max_page_count = 3');
    let caught: unknown;
    try {
      for (let i = 0; i < 100; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(1000));
    } catch (e) {
      caught = e;
    }
    db.close();
    expect(classifyStorageError(caught)).toBeInstanceOf(StorageFull);
  });

  it('keeps the kind and code across the writer thread boundary', () => {
    const decoded = decodeError(structuredClone(encodeError(withCode('SQLITE_IOERR_WRITE'))));
    expect(decoded).toBeInstanceOf(StorageUnavailable);
    expect((decoded as StorageUnavailable).code).toBe('SQLITE_IOERR_WRITE');
    expect(decodeError(structuredClone(encodeError(withCode('ENOSPC', 'Error'))))).toBeInstanceOf(StorageFull);
  });
});

describe('WriteFaultTracker', () => {
  it('remembers the last storage fault until a write succeeds, and rethrows it classified', async () => {
    const tracker = new WriteFaultTracker();
    await expect(tracker.track(Promise.reject(withCode('SQLITE_FULL')))).rejects.toBeInstanceOf(StorageFull);
    expect(tracker.last?.fault.code).toBe('SQLITE_FULL');
    // A conflict says nothing about the storage: the fault stays.
    await expect(tracker.track(Promise.reject(new WrongExpectedVersion('s', 0n, 1n)))).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(tracker.last).toBeDefined();
    await tracker.track(Promise.resolve(1));
    expect(tracker.last).toBeUndefined();
  });
});
