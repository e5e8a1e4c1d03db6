import { caseStreamId } from '@liaison/domain';
import type { EventStore } from '@liaison/event-store';
import { closeOnSignals, createApp } from '../app.factory.js';
import { assertWritableDataDir } from '../operations/data-dir.check.js';
import { guardLogSinks } from '../operations/log-sink.guard.js';
import { mintDevToken, type DevCountry } from '../dev/dev-token.client.js';
import type { Role } from '../auth/scopes.js';
import { loadConfig } from '../config/app.config.js';
import { assertDemoAllowed } from './demo-guard.js';
import { ACTION_DAY } from './seed-story.action-day.js';
import { CASE_TITLES, fictionalId } from './seed-story.cast.js';
import { DEFAULT_ID_SEED, runSeedStory } from './seed-story.scenario.js';

/**
 * `npm run demo`: the built service on the embedded store (DATA_DIR, default ./data) with the
 * fictional seed story recorded once, how to sign in, and ready-to-paste development tokens (issued
 * by the service's development IdPs). Keeps serving.
 */

async function streamExists(store: EventStore, streamId: string): Promise<boolean> {
  try {
    await store.readStream(streamId, { maxCount: 1 });
    return true;
  } catch (err) {
    if ((err as { name?: unknown }).name === 'StreamNotFound') return false;
    throw err;
  }
}

const PRINTED_TOKENS: { label: string; country: DevCountry; role: Role; sub: string }[] = [
  { label: 'SE officer (owner of the wave case)', country: 'SE', role: 'officer', sub: 'demo-se-officer' },
  { label: 'DK officer (contributes to it)', country: 'DK', role: 'officer', sub: 'demo-dk-officer' },
  { label: 'NO officer (reads one shared case)', country: 'NO', role: 'officer', sub: 'demo-no-officer' },
  { label: 'SE supervisor (read, dashboards, audit)', country: 'SE', role: 'supervisor', sub: 'demo-se-supervisor' },
];

async function main(): Promise<void> {
  guardLogSinks();
  assertDemoAllowed(process.env);
  // Quieter than the service default so the demo's own output stays readable; LOG_LEVEL still wins.
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  assertWritableDataDir(config.dataDir);
  const { app, store, devIdpsReady } = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  await devIdpsReady?.();
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  const token = (country: DevCountry, role: Role, sub: string) => mintDevToken({ country, role, sub, baseUrl: url });

  const out = (line = '') => process.stdout.write(`${line}\n`);
  const mainCase = fictionalId(DEFAULT_ID_SEED, 'case:main');
  if (await streamExists(store, caseStreamId(mainCase))) {
    out(`\nThe demo story is already in ${config.dataDir}; not recording it again.`);
  } else if ((await store.headPosition()) >= 0n) {
    out(`\n${config.dataDir} already holds other events; not mixing the fictional demo story into them.`);
    out('Use a fresh directory for the demo, e.g. DATA_DIR=./data-demo npm run demo');
  } else {
    const started = Date.now();
    const result = await runSeedStory({ baseUrl: url, token });
    out(`\nRecorded the fictional seed story: ${result.commands} commands in ${Date.now() - started} ms (last position ${result.position}).`);
    out(`  ${CASE_TITLES.main}`);
    out(`    ${result.expected.swedesRegistered} Swedish suspects detained in Denmark, ${result.released.length} released since: ` +
      `${result.expected.swedesDetainedInDenmark} still held; ${result.expected.custodyReviewsDueWithin7Days} custody reviews due within 7 days`);
    out(`  ${CASE_TITLES.noShared}  (shared read-only with NO)`);
    out(`  ${CASE_TITLES.dkOnly}  (DK-owned, not shared)`);
    out(`  ${CASE_TITLES.h3}  (H3, shared read-only with DK)`);
    out('  Four SE↔DK information requests about the wave (Directive 2023/977): one urgent answered in time, one refused, ' +
      'one awaiting a judicial authorisation, one overdue');
    const r = result.referrals;
    if (r) {
      const day = r.actionDayProgress;
      const n = (x: number) => x.toLocaleString('en-GB');
      out(`  Referral action day with TikTok on ${r.actionDayDate} (Europol EU IRU, ${ACTION_DAY.participatingCountries.length} countries): ` +
        `${n(r.listed)} items in one list; ${n(day.removed)} removed, ${day.declined} declined, ${day.geoBlocked} geo-blocked, ` +
        `${day.noResponse} unanswered, ${day.reappeared} uploaded again`);
      const silences = Object.values(r.noResponseRecorded).reduce((a, b) => a + b, 0);
      out(`  ${r.singleReferrals} referrals one by one (Telegram, TikTok, Snapchat, Instagram, YouTube; two removal orders): ` +
        `${silences} missed deadlines recorded in all`);
    }
  }

  out(`\nLiaison is running: ${url}/  (API docs: ${url}/docs)`);
  out('\nSign in: open the URL, choose "Sign in with Swedish Police (development)" (or Danish, Norwegian …) and pick an');
  out('identity on that IdP\'s page: officer, analyst or supervisor. The development IdPs run inside this service');
  out(`(${url}/dev/idp/se, …/dk, …/no, …/fi, …/is) and sign in with OpenID Connect, as a national IdP would.`);
  out('Scripts: npm run token -- --country SE --role officer --sub se-officer-1');
  out('\nDevelopment tokens from the same IdPs (8 h):');
  for (const t of PRINTED_TOKENS) out(`\n  # ${t.label}\n  export TOKEN_${t.country}_${t.role.toUpperCase()}=${await token(t.country, t.role, t.sub)}`);
  out('\nTry:');
  out(`  curl -s -H "authorization: Bearer $TOKEN_DK_OFFICER" -H 'X-Purpose: trying the demo' '${url}/api/v1/detentions/counts?nationality=SE&holdingCountry=DK'`);
  out(`  curl -s -H "authorization: Bearer $TOKEN_NO_OFFICER" -H 'X-Purpose: trying the demo' '${url}/api/v1/cases'`);
  out(`  curl -s -H "authorization: Bearer $TOKEN_SE_OFFICER" '${url}/api/v1/platforms/responsiveness'`);
  out(`  curl -s -H "authorization: Bearer $TOKEN_DK_OFFICER" -H 'X-Purpose: trying the demo' '${url}/api/v1/deadlines?bucket=overdue'`);
  out(`  curl -s -H "authorization: Bearer $TOKEN_SE_OFFICER" -H 'X-Purpose: trying the demo' '${url}/api/v1/search?q=Lillebror'`);
  out('\nCtrl-C stops the service; the data stays in DATA_DIR.\n');
  closeOnSignals({ app, store });
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
