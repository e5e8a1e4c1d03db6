// The emulator's answers to a retried append (same event ids), checked against the rules of the
// server's IndexWriter.CheckCommit that emulated-log.ts cites: retries the adapter relies on after a
// dropped connection must neither duplicate nor be refused, and a half-matching retry is a conflict.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { EmulatedLog, type ProposedEvent } from './emulated-log.js';

const proposed = (): ProposedEvent => ({ id: randomUUID(), type: 'T', contentType: 'application/json', data: new Uint8Array([123, 125]), customMetadata: new Uint8Array() });

describe('EmulatedLog idempotency', () => {
  it('answers a retry at its expected revision as written, even after other appends, without writing it again', () => {
    const log = new EmulatedLog();
    const [a, b, c] = [proposed(), proposed(), proposed()];
    const first = log.append('s', { kind: 'no_stream' }, [a, b]);
    log.append('s', { kind: 'revision', revision: 1n }, [c]);
    expect(log.append('s', { kind: 'no_stream' }, [a, b])).toEqual(first);
    expect(log.append('s', { kind: 'revision', revision: 1n }, [c])).toMatchObject({ ok: true, currentRevision: 2n });
    expect(log.stream('s')).toHaveLength(3);
  });

  it('looks ids up for any and stream_exists: all known is a retry, the first unknown a new write', () => {
    const log = new EmulatedLog();
    const [a, b] = [proposed(), proposed()];
    log.append('s', { kind: 'any' }, [a, b]);
    expect(log.append('s', { kind: 'stream_exists' }, [a, b])).toMatchObject({ ok: true, currentRevision: 1n });
    expect(log.append('s', { kind: 'any' }, [a, b])).toMatchObject({ ok: true, currentRevision: 1n });
    expect(log.stream('s')).toHaveLength(2);
    expect(log.append('s', { kind: 'stream_exists' }, [proposed()])).toMatchObject({ ok: true, currentRevision: 2n });
  });

  it('refuses a retry that matches only in part (CorruptedIdempotency) as a wrong expected version', () => {
    const log = new EmulatedLog();
    const [a, b] = [proposed(), proposed()];
    log.append('s', { kind: 'no_stream' }, [a, b]);
    log.append('s', { kind: 'revision', revision: 1n }, [proposed()]);
    expect(log.append('s', { kind: 'any' }, [a, proposed()])).toMatchObject({ ok: false, currentRevision: 2n });
    expect(log.append('s', { kind: 'no_stream' }, [a, proposed()])).toMatchObject({ ok: false, currentRevision: 2n });
    expect(log.append('s', { kind: 'revision', revision: 1n }, [proposed()])).toMatchObject({ ok: false, currentRevision: 2n });
    expect(log.stream('s')).toHaveLength(3);
  });
});
