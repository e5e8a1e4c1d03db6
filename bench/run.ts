// Entry point for `npm run bench -- <name> [args]`. Each suite lives in bench/<name>.bench.ts and
// exports `run(args)`, so suites can be added without touching this dispatcher's logic.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchModule {
  run(args: string[]): Promise<void>;
}

/** Suites that exist or are planned; a planned one that has no module yet gets a clear message. */
const SUITES = ['store', 'api', 'projections', 'audit', 'referrals', 'requests', 'privacy', 'seal', 'startup', 'domain', 'aggregates', 'migrate'] as const;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || !(SUITES as readonly string[]).includes(name)) {
    console.error(`usage: npm run bench -- <${SUITES.join('|')}> [--quick]`);
    return 2;
  }
  const file = fileURLToPath(new URL(`./${name}.bench.ts`, import.meta.url));
  if (!existsSync(file)) {
    console.error(`bench suite "${name}" is not written yet (expected bench/${name}.bench.ts exporting run(args))`);
    return 2;
  }
  // tsx maps the .js specifier to the .ts source, the same way relative imports work elsewhere.
  const mod = (await import(`./${name}.bench.js`)) as BenchModule;
  await mod.run(args);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
