// What the fuzzer saw: counts per status, per operation and per kind of mutation, and everything that
// breaks a rule (a 5xx other than 503, an answer off the contract, a stack or file path in a body).
import type { Contract } from '../../e2e/support/contract.js';
import type { FuzzAnswer, FuzzRequest } from './fuzz-client.js';

/** A stack frame, a source file with a line, or a module path: nothing a client should ever see. */
const STACK = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\/dist\/apps\/|\/apps\/api\/src\/|\.(ts|js|mjs|cjs):\d+/;

export class FuzzFigures {
  readonly statuses: Record<string, number> = {};
  readonly perOperation: Record<string, Record<string, number>> = {};
  readonly perKind: Record<string, number> = {};
  readonly reached = new Set<string>();
  readonly serverErrors: string[] = [];
  readonly drifts: string[] = [];
  readonly leaks: string[] = [];

  constructor(private readonly contract: Contract, private readonly paths: string[]) {}

  add(r: FuzzRequest, a: FuzzAnswer): void {
    const key = this.contract.match(r.method, r.path.split('?')[0])?.key ?? `${r.method} (no operation)`;
    this.reached.add(key);
    const status = String(a.status);
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    const op = (this.perOperation[key] ??= {});
    op[status] = (op[status] ?? 0) + 1;
    this.perKind[r.kind] = (this.perKind[r.kind] ?? 0) + 1;
    const what = `${r.method} ${r.path.slice(0, 120)} (${r.kind})`;
    if (a.status >= 500 && a.status !== 503) this.serverErrors.push(`${what} → ${a.status} ${a.body.slice(0, 200)}`);
    const drift = this.contract.check(r.method, r.path, a.status, a.contentType, a.body);
    if (drift) this.drifts.push(`${r.kind}: ${drift}`);
    if (STACK.test(a.body) || this.paths.some((p) => a.body.includes(p))) this.leaks.push(`${what} → ${a.status} ${a.body.slice(0, 300)}`);
  }

  report(): string {
    const sorted = (o: Record<string, number>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`).join(', ');
    const ops = Object.entries(this.perOperation).sort(([a], [b]) => a.localeCompare(b))
      .map(([k, s]) => `  ${k}  ${Object.values(s).reduce((x, y) => x + y, 0)} (${sorted(s)})`);
    return [
      `statuses: ${sorted(this.statuses)}`,
      `kinds: ${sorted(this.perKind)}`,
      `per operation (${this.reached.size}):`, ...ops,
      `5xx other than 503: ${this.serverErrors.length}; off the contract: ${this.drifts.length}; stack or path in a body: ${this.leaks.length}`,
      ...this.serverErrors.slice(0, 20), ...this.drifts.slice(0, 20), ...this.leaks.slice(0, 10),
    ].join('\n');
  }
}
