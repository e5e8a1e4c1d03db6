// OpenAPI-driven fuzzing of the built service: every operation of /docs/openapi.json, valid bodies from
// openapi-sampler with every field mutated, malformed and oversized bodies, wrong content types, bad
// path ids, headers, query parameters and tokens (test/reliability/support/fuzz-cases.ts). Every answer
// must keep the contract (documented status, body matching its schema), no 5xx but documented 503s, no
// stack or file path in any body, and no token or seeded personal data in the service's log.
// FUZZ_SEED repeats a run; FUZZ_REQUESTS sets the total (default 10,500).
import { afterAll, describe, expect, it } from '@jest/globals';
import { generateKeyPair, SignJWT } from 'jose';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devIssuerUrl, mintDevToken } from '../../apps/api/src/dev/dev-token.client.js';
import { signedByDevIdp } from '../e2e/support/dev-idp-signing.js';
import { loadContract } from '../e2e/support/contract.js';
import { ROOT, startLiaison, type LiaisonProcess } from '../e2e/support/liaison-process.js';
import { fuzzRequests, operationsOf, randomRequests, validRequest, type FuzzContext, type FuzzOperation } from './support/fuzz-cases.js';
import { fuzzClient, type FuzzRequest } from './support/fuzz-client.js';
import { MARK, seededRandom } from './support/fuzz-values.js';
import { FuzzFigures } from './support/fuzz-figures.js';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_500);
const CONCURRENCY = 12;
const PERSON = 'Fuzzperson Zyxwvutsson';
const dataDir = mkdtempSync(join(tmpdir(), 'liaison-fuzz-'));
let liaison: LiaisonProcess | undefined;
afterAll(async () => {
  await liaison?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Tokens that must all be refused, or stay within their rights: none, garbage, expired, foreign, forged. */
async function tokenVariants(officer: string): Promise<[string, string | undefined][]> {
  const officerClaims = { country: 'SE', scope: 'cases:read cases:write', roles: ['officer'] };
  const [, payload] = officer.split('.');
  const { privateKey } = await generateKeyPair('ES256');
  const forged = await new SignJWT({ scope: 'cases:read cases:write', country: 'SE' }).setProtectedHeader({ alg: 'ES256', kid: 'se-dev' })
    .setIssuer(devIssuerUrl(dataDir, 'SE')).setSubject('forger').setAudience('liaison').setIssuedAt().setExpirationTime('1h').sign(privateKey);
  return [
    ['none', undefined], ['empty-bearer', 'Bearer '], ['garbage', 'Bearer garbage.garbage.garbage'], ['basic', 'Basic dXNlcjpwYXNz'],
    ['no-scheme', officer], ['lowercase-scheme', `bearer ${officer}`], ['huge', `Bearer ${'a'.repeat(8000)}`],
    ['expired', `Bearer ${await signedByDevIdp(dataDir, 'SE', officerClaims, { iat: Math.floor(Date.now() / 1000) - 10 * 3600, ttlSec: 3600 })}`],
    ['wrong-audience', `Bearer ${await signedByDevIdp(dataDir, 'SE', officerClaims, { audience: 'someone-else' })}`],
    ['alg-none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`],
    ['unknown-key', `Bearer ${forged}`],
    ['other-country', `Bearer ${await mintDevToken({ country: 'NO', role: 'officer', sub: 'fuzz-no', dataDir })}`],
    ['read-only-role', `Bearer ${await mintDevToken({ country: 'SE', role: 'analyst', sub: 'fuzz-analyst', dataDir })}`],
  ];
}

/** Records one of each thing the document can create, so path ids and linked ids exist. */
async function seed(ctx: FuzzContext, ops: FuzzOperation[], send: (r: FuzzRequest) => Promise<{ status: number; body: string }>): Promise<void> {
  const creating = ops.filter((f) => f.method === 'POST' && f.op.responses['201'] && f.op.requestBody?.content['application/json']);
  for (let pass = 0; pass < 2; pass++) {
    for (const f of creating) {
      if (/\{(\w+)\}/.test(f.template) && [...f.template.matchAll(/\{(\w+)\}/g)].some(([, n]) => !ctx.ids[n]?.length)) continue;
      const r = validRequest(ctx, f, true);
      const body = JSON.parse(r.body as string) as Record<string, unknown>;
      // The created thing's own id is new; a person carries the name the log check looks for.
      for (const key of Object.keys(body)) if (key.endsWith('Id') && f.template.endsWith(`${key.replace(/Id$/, '')}s`)) delete body[key];
      if (f.template.endsWith('/persons')) body.name = PERSON;
      if ('locator' in body) body.locator = `https://tiktok.example/@fictional.fuzz/video/${Date.now()}${pass}`;
      const answer = await send({ ...r, body: JSON.stringify(body) });
      if (answer.status !== 201) {
        if (pass === 1) console.log(`fuzz: seeding ${f.key} answered ${answer.status} ${answer.body.slice(0, 300)}`);
        continue;
      }
      for (const [k, v] of Object.entries(JSON.parse(answer.body) as Record<string, unknown>)) {
        if (k.endsWith('Id') && typeof v === 'string') (ctx.ids[k] ??= []).push(v);
      }
    }
  }
}

describe('OpenAPI-driven fuzzing of the built service', () => {
  it(`answers ${TOTAL} fuzzed requests over every operation within the contract, without 5xx, stacks or leaks`, async () => {
    console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} repeats this run), ${TOTAL} requests, ${CONCURRENCY} in flight`);
    liaison = await startLiaison(dataDir, { LOG_LEVEL: 'verbose' });
    const base = liaison.baseUrl;
    const contract = await loadContract(base);
    const ops = operationsOf(contract.doc);
    const officer = await mintDevToken({ country: 'SE', role: 'officer', sub: 'fuzz-se', dataDir });
    const supervisor = await mintDevToken({ country: 'SE', role: 'supervisor', sub: 'fuzz-se-supervisor', dataDir });
    const variants = await tokenVariants(officer);
    const ctx: FuzzContext = {
      doc: contract.doc, ids: {}, rng: seededRandom(SEED), tokenVariants: variants,
      token: (f) => (f.template.startsWith('/api/v1/audit') ? supervisor : officer),
    };
    const client = fuzzClient(base, CONCURRENCY);
    await seed(ctx, ops, client.send);
    // An access-log entry to view: one read, then the supervisor's log.
    const caseId = ctx.ids.caseId?.[0];
    await client.send({ ...validRequest(ctx, ops.find((f) => f.key === 'GET /api/v1/cases/{caseId}')!), path: `/api/v1/cases/${caseId}` });
    const log = await client.send(validRequest(ctx, ops.find((f) => f.key === 'GET /api/v1/audit/access')!));
    ctx.ids.entryId = (JSON.parse(log.body) as { data: { items: { entryId: string }[] } }).data.items.map((i) => i.entryId);
    expect(Object.keys(ctx.ids).sort()).toEqual(expect.arrayContaining(['actionDayId', 'caseId', 'detentionId', 'entryId', 'extraditionId', 'handlerId', 'personId', 'referralId', 'requestId']));

    const requests: FuzzRequest[] = ops.flatMap((f) => [...fuzzRequests(ctx, f)]);
    const deterministic = requests.length;
    for (const r of randomRequests(ctx, ops)) {
      if (requests.length >= TOTAL) break;
      requests.push(r);
    }
    const figures = new FuzzFigures(contract, [ROOT, dataDir]);
    const started = Date.now();
    await client.run(requests, (r, a) => figures.add(r, a));
    client.close();
    const seconds = (Date.now() - started) / 1000;
    await liaison.stop();
    const out = liaison.logs();
    // FUZZ_DUMP=<file> keeps the service log for a failing seed (it holds no token or personal data: asserted below).
    if (process.env.FUZZ_DUMP) writeFileSync(process.env.FUZZ_DUMP, out);
    liaison = undefined;

    console.log(`fuzz: ${requests.length} requests (${deterministic} derived, ${requests.length - deterministic} random two-field) in ${seconds.toFixed(1)} s\n${figures.report()}`);
    expect(requests.length).toBeGreaterThanOrEqual(10_000);
    expect(ops.map((f) => f.key).filter((k) => !figures.reached.has(k))).toEqual([]);
    expect(figures.serverErrors).toEqual([]);
    expect(figures.drifts).toEqual([]);
    expect(figures.leaks).toEqual([]);
    // The log is JSON lines without tokens or personal data: not a token, its signature, the seeded name or a mutated string.
    const secrets = [officer, supervisor, ...variants.map(([, v]) => v?.replace(/^\w+ /, '') ?? '')].flatMap((t) => [t, t.split('.')[2] ?? '']).filter((s) => s.length > 20);
    const inLog = [...secrets.filter((s) => out.includes(s)).map((s) => `token …${s.slice(-8)}`), ...[PERSON, MARK].filter((s) => out.includes(s))];
    console.log(`fuzz: service log ${out.length} bytes, ${out.split('\n').length} lines; tokens, seeded names and mutated strings found in it: ${inLog.length}`);
    expect(inLog).toEqual([]);
  }, 240_000);
});
