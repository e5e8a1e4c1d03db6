// npm run openapi -- [file]   (default dist/openapi.json)
// Writes the OpenAPI document exactly as the built service serves it at /docs/openapi.json: the app is
// created on a throw-away DATA_DIR (development mode, so /dev/token is in it too) and asked through
// Fastify's inject, without opening a port. `npm run lint:openapi` lints the file with @redocly/cli.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/app.config.js';
import { createApp } from '../app.factory.js';

async function main(out: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-openapi-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', DISK_RESERVE_MB: '0', PROJECTION_WORKERS: '1' });
    const { app, store } = await createApp(config);
    try {
      await app.init();
      const fastify = app.getHttpAdapter().getInstance();
      await fastify.ready();
      const res = await fastify.inject({ method: 'GET', url: '/docs/openapi.json' });
      if (res.statusCode !== 200) throw new Error(`GET /docs/openapi.json answered ${res.statusCode}`);
      const doc = JSON.parse(res.body) as { paths: Record<string, object> };
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
      const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
      process.stdout.write(`${out}: ${Object.keys(doc.paths).length} paths, ${operations} operations\n`);
    } finally {
      await app.close();
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main(path.resolve(process.argv[2] ?? 'dist/openapi.json')).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`openapi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
