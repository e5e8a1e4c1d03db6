import { describe, expect, it } from '@jest/globals';
import { ConfigError, defaultReplicaId, loadConfig } from './app.config.js';

describe('replica id (ADR 21: it names this process\'s access streams)', () => {
  it('given no REPLICA_ID, when the host name has odd characters, then it is reduced to a-z 0-9 -', () => {
    expect(defaultReplicaId('API-Pod_7.liaison.svc')).toBe('api-pod-7-liaison-svc');
    expect(defaultReplicaId('___')).toBe('replica');
    expect(defaultReplicaId('x'.repeat(60))).toHaveLength(40);
  });

  it('given REPLICA_ID, then it is used as is, and an unsafe one stops start-up', () => {
    expect(loadConfig({ REPLICA_ID: 'api-2' }).replicaId).toBe('api-2');
    expect(loadConfig({}).replicaId).toBe(defaultReplicaId());
    for (const bad of ['', 'API', 'a b', '-a', 'a'.repeat(41)]) expect(() => loadConfig({ REPLICA_ID: bad })).toThrow(ConfigError);
  });
});
