import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ProductionStart {
  /** Variables set in front of `node` (read by the runtime at process start, e.g. MALLOC_ARENA_MAX). */
  env: Record<string, string>;
  nodeFlags: string[];
}

const MAIN = 'dist/apps/api/src/main.js';

/** `[VAR=value …] node [flags …] dist/apps/api/src/main.js`, the only shape start:prod may take. */
export function parseStartScript(script: string): ProductionStart {
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[i]); i++) {
    const eq = words[i].indexOf('=');
    env[words[i].slice(0, eq)] = words[i].slice(eq + 1);
  }
  const main = words.indexOf(MAIN, i);
  if (words[i] !== 'node' || main < 0 || main !== words.length - 1) throw new Error(`unexpected start:prod script: ${script}`);
  return { env, nodeFlags: words.slice(i + 1, main) };
}

/**
 * How production starts the service: `npm run start:prod` (the Dockerfile sets the same), so a bench
 * that claims to measure the service as it runs starts it, or its worker host, this way.
 */
export function productionStart(): ProductionStart {
  const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { scripts: Record<string, string> };
  return parseStartScript(pkg.scripts['start:prod']);
}
