// npm run projections -- status | rebuild <name>
// status: each read model's file (version, checkpoint, lag) and what the running service says about it
// (GET /ready at LIAISON_URL or PORT: running, stalled, restarting, failed, rebuilding).
// Works beside a running service: a rebuild writes a new file and flips the registry, which the
// service follows on its next loop; the old file answers queries until then.
import path from 'node:path';
import { ALL_PROJECTIONS, ProjectionRegistry, rebuildProjection, readCheckpoint } from '@liaison/projections';
import { loadConfig } from '../config/app.config.js';
import { openEventStore } from '../infrastructure/event-store.provider.js';
import { fetchReadiness, readinessLines, runtimeOf, serviceUrl } from './projections-status.js';

function bar(done: bigint, total: bigint, width = 30): string {
  const ratio = total > 0n ? Number((done * 1000n) / total) / 1000 : 1;
  const filled = Math.min(width, Math.round(ratio * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(1)}%`;
}

async function main(argv: string[]): Promise<number> {
  const [command, name] = argv;
  const config = loadConfig();
  const dir = path.join(config.dataDir, 'read-models');
  const store = await openEventStore(config);
  try {
    if (command === 'status') {
      const head = await store.headPosition();
      const url = serviceUrl();
      const ready = await fetchReadiness(url);
      const registry = new ProjectionRegistry(dir);
      const rows = ALL_PROJECTIONS.map((p) => {
        const active = registry.active(p.name);
        const checkpoint = active ? readCheckpoint(path.join(dir, active.file)) : -1n;
        return {
          projection: p.name,
          codeVersion: p.version,
          fileVersion: active?.version ?? '-',
          checkpoint: checkpoint.toString(),
          head: head.toString(),
          lag: (head > checkpoint ? head - checkpoint : 0n).toString(),
          state: !active ? 'not built' : active.version !== p.version ? 'rebuild pending' : head > checkpoint ? 'behind' : 'caught up',
          runtime: runtimeOf(p.name, ready),
        };
      });
      registry.close();
      console.table(rows);
      for (const line of readinessLines(url, ready)) console.log(line);
      return 0;
    }
    if (command === 'rebuild' && name) {
      const projection = ALL_PROJECTIONS.find((p) => p.name === name);
      if (!projection) {
        console.error(`Unknown projection "${name}". Known: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
        return 2;
      }
      const started = Date.now();
      const result = await rebuildProjection({
        store,
        dir,
        projection,
        onProgress: ({ position, head }) => process.stderr.write(`\r${name} ${bar(position, head)} position ${position}/${head}`),
      });
      const secs = (Date.now() - started) / 1000;
      process.stderr.write('\n');
      console.log(`Rebuilt ${name} v${projection.version}: ${result.events} events in ${secs.toFixed(2)} s (${Math.round(result.events / Math.max(secs, 0.001))} events/s) → ${result.file}`);
      return 0;
    }
    console.error('usage: npm run projections -- status | rebuild <name>');
    return 2;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e: unknown) => {
  console.error(`projections: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
