// docker/cluster cannot run here (no Docker engine), so this reads it as the service would: the compose
// file's API environment must pass the service's own configuration loaders, name a connection string
// the EventStoreDB client accepts (three TLS nodes, leader preference, the CA es-gencert-cli made),
// give each replica its own REPLICA_ID, and the proxy must route to exactly those replicas.
// No compose-schema validator is installed (nor may one be added here); docker compose config is the
// check to run where Docker exists (README "Several replicas").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString.js';
import { loadConfig } from '../../apps/api/src/config/app.config.js';
import { loadAuthConfig } from '../../apps/api/src/auth/issuers.config.js';

type Service = { image?: string; environment?: Record<string, string>; volumes?: string[]; command?: string; depends_on?: Record<string, unknown> };
// js-yaml comes with the dev tools (redocly); compose files use YAML 1.1 merge keys (<<), hence that schema.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string, o: { schema: unknown }): unknown; YAML11_SCHEMA: unknown };
const dir = path.join(process.cwd(), 'docker', 'cluster');
const compose = yaml.load(readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8'), { schema: yaml.YAML11_SCHEMA }) as { services: Record<string, Service> };
const services = compose.services;
const nodes = ['esdb-node1', 'esdb-node2', 'esdb-node3'];
const apis = ['api-1', 'api-2'];
/** What docker compose does with ${VAR:-default} / ${VAR:?message}, given .env. */
const interpolate = (value: string, env: Record<string, string>) =>
  value.replace(/\$\{(\w+)(?::[-?]([^}]*))?\}/g, (_, name: string, fallback: string | undefined) => env[name] ?? fallback ?? '');
const dotEnv = { ESDB_USER: 'admin', ESDB_PASSWORD: 'a-long-secret' };

describe('docker/cluster/docker-compose.yml', () => {
  it('runs three EventStoreDB nodes as one TLS cluster, each seeded with the other two and its own certificate', () => {
    const certCommand = services['cert-gen'].command ?? '';
    for (const [i, name] of nodes.entries()) {
      const env = services[name].environment ?? {};
      expect(env.EVENTSTORE_CLUSTER_SIZE).toBe('3');
      expect(env.EVENTSTORE_INSECURE).toBeUndefined();
      expect(env.EVENTSTORE_GOSSIP_SEED.split(',').sort()).toEqual(nodes.filter((n) => n !== name).map((n) => `${n}:2113`));
      expect(env.EVENTSTORE_CERTIFICATE_FILE).toBe(`/etc/eventstore/certs/node${i + 1}/node.crt`);
      // The certificate's DNS name is the name the API and the other nodes dial.
      expect(certCommand).toContain(`-out ./node${i + 1} -dns-names ${name}`);
      expect(services[name].volumes).toContain('./certs:/etc/eventstore/certs:ro');
    }
  });

  it('gives the API replicas a production configuration the service accepts, each with its own REPLICA_ID', async () => {
    const replicaIds = new Set<string>();
    for (const name of apis) {
      const env = Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, interpolate(String(v), dotEnv)]));
      const config = loadConfig(env);
      expect(config).toMatchObject({ production: true, eventStore: 'esdb', host: '0.0.0.0', port: 3000 });
      replicaIds.add(config.replicaId as string);
      const esdb = parseConnectionString(config.esdbConnectionString as string);
      expect(esdb).toMatchObject({ tls: true, nodePreference: 'leader', tlsCAFile: '/etc/liaison/esdb-ca/ca.crt', defaultCredentials: { username: 'admin', password: 'a-long-secret' } });
      expect(esdb.hosts.map((h) => `${h.address}:${h.port}`)).toEqual(nodes.map((n) => `${n}:2113`));
      expect(services[name].volumes).toContain('./certs/ca/ca.crt:/etc/liaison/esdb-ca/ca.crt:ro');
      // Never the CA's private key.
      expect((services[name].volumes ?? []).filter((v) => v.startsWith('./certs') && !v.startsWith('./certs/ca/ca.crt:'))).toEqual([]);
      // The trusted issuers file the example documents parses as the service parses it.
      const auth = await loadAuthConfig({ ...env, TRUSTED_ISSUERS_FILE: path.join(dir, 'trusted-issuers.example.json') });
      expect(auth.issuers.map((i) => i.country)).toEqual(['SE', 'DK']);
    }
    expect(replicaIds.size).toBe(apis.length);
  });

  it('gives both replicas one key store, on a volume they share (ADR 19: what one encrypts the other opens)', () => {
    const files = apis.map((name) => services[name].environment?.KEY_STORE_FILE);
    expect(new Set(files).size).toBe(1);
    const dir = String(files[0]).replace(/\/[^/]+$/, '');
    for (const name of apis) expect(services[name].volumes).toContain(`subject-keys:${dir}`);
  });

  it('refuses to start the replicas without a database password', () => {
    const connection = services['api-1'].environment?.ESDB_CONNECTION_STRING ?? '';
    expect(connection).toContain('${ESDB_PASSWORD:?');
  });

  it('puts exactly the replicas behind the proxy, on their PORT, checked on /ready, with SSE unbuffered', () => {
    const caddy = readFileSync(path.join(dir, 'Caddyfile'), 'utf8');
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddy)?.[1].trim().split(/\s+/);
    expect(upstreams).toEqual(apis.map((a) => `${a}:${services[a].environment?.PORT}`));
    expect(caddy).toMatch(/health_uri \/ready/);
    expect(caddy).toMatch(/flush_interval -1/);
    expect(Object.keys(services.proxy.depends_on ?? {}).sort()).toEqual(apis);
  });
});
