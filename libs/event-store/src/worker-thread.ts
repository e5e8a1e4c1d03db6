import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker whose entry is `name` beside `base` (an import.meta.url). Compiled code starts it
 * from its .js sibling; run from TypeScript sources (tests, tsx tools), the thread registers tsx first
 * so it can load the .ts entry.
 */
export function startWorkerThread(base: string, name: string, workerData: unknown): Worker {
  const js = new URL(`./${name}.js`, base);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData });
  const ts = new URL(`./${name}.ts`, base);
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ts.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
