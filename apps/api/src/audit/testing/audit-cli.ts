import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

/** Runs `npm run audit -- …` (the TypeScript CLI through tsx) on a data folder, as an auditor would. */
export function auditCli(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EVENT_STORE: 'sqlite' };
  delete env.NODE_OPTIONS; // Jest's VM-modules flag is not for the child.
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/cli/audit.cli.ts'), ...args], { cwd: root, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
