import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * Starts `script` under tsx, waits for its "READY" line, lets it run for `runMs`, SIGKILLs it and
 * returns the complete lines it printed before the kill (a line the kill cut short is dropped: it is
 * not an acknowledgement). Any crash spec whose child prints what it was promised can use it.
 */
export async function runUntilKilled(script: string, args: string[], options: { cwd: string; runMs?: number; startTimeoutMs?: number }): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // Jest's --experimental-vm-modules is not for the child.
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  // readline yields only lines that ended with a newline, until the stream closes.
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout });
  const closed = once(reader, 'close');
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not start: ${stderr.join('')}`)), options.startTimeoutMs ?? 20_000);
    reader.on('line', (line) => (line === 'READY' ? (clearTimeout(timer), resolve()) : lines.push(line)));
    void exited.then(() => (clearTimeout(timer), reject(new Error(`child exited before READY: ${stderr.join('')}`))));
  });
  await ready;
  await new Promise((r) => setTimeout(r, options.runMs ?? 1000));
  child.kill('SIGKILL');
  const [, signal] = await exited;
  await closed;
  return { lines, signal };
}
