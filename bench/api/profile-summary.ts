// npx tsx bench/api/profile-summary.ts <file.cpuprofile> [top] [last ms]: self time by function and by
// file or package, over the whole profile or only its last `last ms` (the load, which ran last).
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const [file, topArg, lastArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top] [last ms]');
const top = Number(topArg ?? 40);
const lastMs = Number(lastArg ?? 0);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const times: number[] = [];
profile.timeDeltas.reduce((t, d, i) => (times[i] = t + d), 0);
const from = lastMs > 0 ? times[times.length - 1] - lastMs * 1000 : Number.NEGATIVE_INFINITY;
const selfByNode = new Map<number, number>();
profile.samples.forEach((id, i) => {
  if (times[i] >= from) selfByNode.set(id, (selfByNode.get(id) ?? 0) + profile.timeDeltas[i]);
});

const add = (m: Map<string, number>, k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  const t = selfByNode.get(n.id) ?? 0;
  total += t;
  const url = n.callFrame.url.replace(/^.*node_modules\//, 'nm/').replace(/^file:\/\/.*?\/dist\//, 'dist/');
  add(byFunction, `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber}`, t);
  const parts = url.split('/');
  add(byFile, url.startsWith('nm/') ? parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/') : url || n.callFrame.functionName, t);
}
const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)}%`;
const print = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, t]) => console.log(pct(t), k));
console.log(`${(total / 1000).toFixed(0)} ms sampled; by function (self):`);
print(byFunction);
console.log('by file or package (self):');
print(byFile);
