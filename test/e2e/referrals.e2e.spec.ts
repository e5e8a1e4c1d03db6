// Platform referrals and action days through the built service as a real process
// (node dist/apps/api/src/main.js), over HTTP only, once per event store: the embedded store, the
// EventStoreDB adapter against the in-process protocol emulator, and a real EventStoreDB server
// when ESDB_CONNECTION_STRING is set. Same code, same expectations on each.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLiaison, type LiaisonProcess } from './support/liaison-process.js';
import { followLivePositions } from './support/live-positions.js';
import { ReferralApi, type AccessEntry, type Figures, type Page, type Referral, type Written } from './support/referral-api.js';
import {
  DENMARK_FIGURES, NORWAY_SHARED_FIGURES, PLATFORM, SWEDEN_DAY_PROGRESS, SWEDEN_FIGURES, randomPastMonth, referralStory,
} from './support/referral-story.js';
import { storeTargets, type RunningStore } from './support/store-targets.js';

describe.each(storeTargets())('referrals on the $name', (target) => {
  const run = randomUUID().slice(0, 8);
  // A fixed month keeps failures reproducible; a shared server gets a random one (see referral-story.ts).
  const s = referralStory(run, target.shared ? randomPastMonth() : '2019-03');
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-referrals-e2e-'));
  let store: RunningStore;
  let liaison: LiaisonProcess;
  let api: ReferralApi;
  const t: Record<'se' | 'dk' | 'no' | 'seSup', string> = { se: '', dk: '', no: '', seSup: '' };
  const ids = { day: '', items: [] as string[], lifecycle: '', linked: '', caseId: '' };
  /** On a shared server other runs' referrals may match a filter too: keep this run's. */
  const mine = <T extends { locator: string }>(items: T[]) => (target.shared ? items.filter((i) => i.locator.includes(run)) : items);
  const figures = (country: 'se' | 'dk' | 'no', purpose?: null) =>
    api.read<Figures>(`/api/v1/platforms/responsiveness?from=${s.month}&to=${s.month}&platform=${PLATFORM}`, t[country], purpose);

  beforeAll(async () => {
    store = await target.start(dataDir);
    liaison = await startLiaison(dataDir, { ...store.env, LOG_LEVEL: 'warn' });
    api = new ReferralApi(liaison.baseUrl, dataDir, run);    [t.se, t.dk, t.no, t.seSup] = await Promise.all([api.token('SE'), api.token('DK'), api.token('NO'), api.token('SE', 'supervisor')]);
  }, 30_000);

  afterAll(async () => {
    await liaison?.stop();
    await store?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('plans a day, records a CSV list once, refuses a file with a bad row recording nothing, imports the answers', async () => {
    const plan = await api.write<Written & { actionDayId: string }>('POST', '/api/v1/referrals/action-days', { token: t.se, body: {
      title: `Referral Action Day ${run} (fictional)`, coordinator: 'eu_iru', coordinatorName: 'Europol EU IRU', platform: PLATFORM,
      date: `${s.month}-03`, participatingCountries: ['SE', 'DK'],
    } });
    expect([plan.status, plan.body.events]).toEqual([201, ['ReferralActionDayPlanned']]);
    ids.day = plan.body.actionDayId;

    // Dashboards refetch when the live stream announces a position: action-day and referral facts must tick it.
    const live = await followLivePositions(liaison.baseUrl, t.se);
    const list = await api.upload(ids.day, 'list', s.listCsv, t.se);
    expect(list.status).toBe(201);
    expect(list.body).toMatchObject({ imported: true, rows: 7, unchangedRows: 0, recorded: { ContentReferred: 7, ReferralSentToPlatform: 7 } });
    const announced = await live.reaches(BigInt(list.body.position!));
    live.close();
    expect(announced).toBe(true);
    // Read beside the service: it must be the very store the service writes to.
    const head = await store.head();
    expect(head).toBeGreaterThanOrEqual(BigInt(list.body.position!));
    const again = await api.upload(ids.day, 'list', s.listCsv, t.se);
    expect([again.status, again.body.imported, again.body.recorded, again.body.position]).toEqual([201, false, {}, null]);
    const bad = await api.upload(ids.day, 'list', s.badListCsv, t.se);
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_ROWS']);
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 2, line: 3, field: 'contentKind' })]);
    expect(await store.head()).toBe(head);

    const answers = await api.upload(ids.day, 'answers', s.answersCsv, t.se);
    expect(answers.status).toBe(201);
    expect(answers.body.recorded).toEqual({ ContentRemoved: 3, ContentGeoBlocked: 1, RemovalDeclined: 1, PlatformAcknowledged: 1 });
    expect((await api.upload(ids.day, 'answers', s.answersCsv, t.se)).body).toMatchObject({ imported: false, recorded: {} });
  });

  it('follows one referral: DK joins with another spelling; send, acknowledgement, removal, reappearance; only SE may withdraw', async () => {
    const l = s.lifecycle;
    const refer = (token: string, locator: string, extra: Record<string, unknown> = {}) => api.write<Written & { referralId: string }>('POST', '/api/v1/referrals', {
      token, body: { platform: PLATFORM, locator, contentKind: 'terrorist_content', basis: 'removal_order', unit: 'NOA Cyber (fictional)', referredAt: l.referredAt, ...extra },
    });
    const first = await refer(t.se, l.locator);
    expect([first.status, first.body.events]).toEqual([201, ['ContentReferred']]);
    ids.lifecycle = first.body.referralId;
    // Another country, another spelling (http, no www, trailing slash, tracking tail): the same referral.
    const joined = await refer(t.dk, l.variant, { unit: 'NKC (fictional)' });
    expect(joined.body).toMatchObject({ referralId: ids.lifecycle, events: ['CoReferrerJoined'] });

    const on = (action: string, body: unknown, token = t.se) => api.write('POST', `/api/v1/referrals/${ids.lifecycle}/${action}`, { token, body });
    expect((await on('sent', { sentAt: l.referredAt, channel: 'portal' })).body.events).toEqual(['ReferralSentToPlatform']);
    expect((await on('acknowledgement', { acknowledgedAt: l.acknowledgedAt }, t.dk)).body.events).toEqual(['PlatformAcknowledged']);
    expect((await on('outcome', { outcome: 'removed', at: l.removedAt })).body.events).toEqual(['ContentRemoved']);
    expect((await on('reappearances', { locator: l.reupload, seenAt: l.seenAt })).body.events).toEqual(['ContentReappeared']);
    const byDk = await on('withdrawal', { reason: 'not ours to withdraw' }, t.dk);
    expect([byDk.status, byDk.body.code]).toEqual([403, 'NOT_THE_ORIGINATOR']);
  });

  it('reads the ledger with filters and cursor pages, details by the access rule, the overdue list and the day\'s progress', async () => {
    const dayList = `/api/v1/referrals?actionDayId=${ids.day}`;
    const paged = await api.allPages<Referral>(`${dayList}&limit=3`, t.se);
    expect(paged.sizes).toEqual([3, 3, 1]);
    expect(paged.items.map((i) => i.locator).sort()).toEqual([...s.day].sort());
    expect(new Set(paged.items.map((i) => i.referralId)).size).toBe(7);
    ids.items = s.day.map((l) => paged.items.find((i) => i.locator === l)!.referralId);
    const removed = await api.data<Page<Referral>>(`${dayList}&status=removed`, t.se);
    expect(removed.items.map((i) => i.locator).sort()).toEqual(s.day.slice(0, 3).sort());
    const overdueOfDay = await api.data<Page<Referral>>(`${dayList}&overdueOnly=true`, t.se);
    expect(overdueOfDay.items.map((i) => i.locator).sort()).toEqual(s.day.slice(5).sort());

    const byDk = await api.data<Page<Referral>>(`/api/v1/referrals?platform=${PLATFORM}&country=DK&from=${s.month}-01T00:00:00Z&to=${s.nextMonth}-01T00:00:00Z`, t.se);
    expect(mine(byDk.items).map((i) => i.referralId)).toEqual([ids.lifecycle]);
    expect(mine((await api.data<Page<Referral>>(`/api/v1/referrals?platform=${PLATFORM}&status=reappeared`, t.se)).items).map((i) => i.referralId)).toEqual([ids.lifecycle]);

    const detail = await api.data<Referral>(`/api/v1/referrals/${ids.lifecycle}`, t.se);
    expect(detail).toMatchObject({
      originCountry: 'SE', coReferrers: ['DK'], basis: 'removal_order', status: 'reappeared', round: 2, reappearances: 1,
      latestLocator: s.lifecycle.reupload, outcome: null, sentAt: null, caseId: null,
    });
    expect((await api.read(`/api/v1/referrals/${ids.lifecycle}`, t.dk)).status).toBe(200);
    const forNo = await api.read(`/api/v1/referrals/${ids.lifecycle}`, t.no);
    expect([forNo.status, forNo.body.code]).toEqual([404, 'REFERRAL_NOT_FOUND']);

    const overdue = await api.data<{ items: Referral[] }>(`/api/v1/referrals/overdue?platform=${PLATFORM}&limit=200`, t.se);
    expect(mine(overdue.items).map((i) => i.locator).sort()).toEqual(s.day.slice(5).sort());
    expect(await api.data(`/api/v1/referrals/action-days/${ids.day}`, t.se)).toEqual({ actionDayId: ids.day, ...SWEDEN_DAY_PROGRESS });
    // DK takes part in the day but referred none of its items: it sees the day, not the referrals.
    expect(await api.data(`/api/v1/referrals/action-days/${ids.day}`, t.dk)).toMatchObject({ referred: 0, removed: 0 });
  });

  it('shows NO a referral linked to a case shared with it, and hides it again when the sharing is revoked', async () => {
    const opened = await api.write<Written & { caseId: string }>('POST', '/api/v1/cases', { token: t.se, body: { title: `Referral-linked case ${run} (fictional)`, offenceCategory: 'conspiracy to murder', handlingCode: 'H0' } });
    expect(opened.status).toBe(201);
    ids.caseId = opened.body.caseId;
    const linked = await api.write<Written & { referralId: string }>('POST', '/api/v1/referrals', { token: t.se, body: {
      platform: PLATFORM, locator: s.linked.locator, contentKind: 'recruitment_offer', basis: 'tos_referral', unit: 'NOA (fictional)',
      caseId: ids.caseId, referredAt: s.linked.referredAt,
    } });
    expect(linked.status).toBe(201);
    ids.linked = linked.body.referralId;
    const detailFor = (token: string) => api.read<Referral>(`/api/v1/referrals/${ids.linked}`, token);
    const listFor = async (token: string) => mine((await api.data<Page<Referral>>(`/api/v1/referrals?caseId=${ids.caseId}`, token)).items);
    expect((await detailFor(t.no)).status).toBe(404);
    expect((await detailFor(t.dk)).status).toBe(404);
    expect(await listFor(t.no)).toEqual([]);

    expect((await api.write('POST', `/api/v1/cases/${ids.caseId}/sharing`, { token: t.se, body: { partnerCountry: 'NO', level: 'read' } })).body.events).toEqual(['CaseSharedWith']);
    const shared = await detailFor(t.no);
    expect(shared.status).toBe(200);
    expect(shared.body.data).toMatchObject({ referralId: ids.linked, caseId: ids.caseId, originCountry: 'SE' });
    expect((await listFor(t.no)).map((i) => i.referralId)).toEqual([ids.linked]);
    const noFigures = (await figures('no')).body.data;
    expect(noFigures.rows).toEqual([{ platform: PLATFORM, month: s.month, ...NORWAY_SHARED_FIGURES }]);

    expect((await api.write('DELETE', `/api/v1/cases/${ids.caseId}/sharing/NO`, { token: t.se })).body.events).toEqual(['CaseSharingRevoked']);
    expect((await detailFor(t.no)).status).toBe(404);
    expect(await listFor(t.no)).toEqual([]);
    expect((await figures('no')).body.data).toEqual({ rows: [], platformTotals: [], byReferringCountry: [] });
  });

  it('gives platform figures equal to the hand-computed ones for each viewer country', async () => {
    const se = await figures('se');
    expect(se.status).toBe(200);
    expect(se.body.data).toEqual({
      rows: [{ platform: PLATFORM, month: s.month, ...SWEDEN_FIGURES }],
      platformTotals: [{ platform: PLATFORM, ...SWEDEN_FIGURES }],
      byReferringCountry: [{ country: 'SE', ...SWEDEN_FIGURES }],
    });
    // DK's figures hold only what DK may see; the origin of the one referral is still SE.
    expect((await figures('dk')).body.data.byReferringCountry).toEqual([{ country: 'SE', ...DENMARK_FIGURES }]);
  });

  it('needs a purpose for the ledger but not for figures, and the access log names the referrals each read disclosed', async () => {
    for (const path of ['/api/v1/referrals', `/api/v1/referrals/${ids.lifecycle}`, '/api/v1/referrals/overdue']) {
      const refused = await api.read(path, t.se, null);
      expect([refused.status, refused.body.code]).toEqual([400, 'PURPOSE_REQUIRED']);
    }
    expect((await figures('se', null)).status).toBe(200);
    expect((await api.read(`/api/v1/referrals/action-days/${ids.day}`, t.se, null)).status).toBe(200);

    const detail = await api.read(`/api/v1/referrals/${ids.lifecycle}`, t.se);
    const list = await api.read(`/api/v1/referrals?actionDayId=${ids.day}`, t.se);
    const entryIds = [detail, list].map((r) => r.headers.get('x-access-entry'));
    const officer = encodeURIComponent(api.subject('SE'));
    let entries: AccessEntry[] = [];
    for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      entries = (await api.data<Page<AccessEntry>>(`/api/v1/audit/access?officer=${officer}&limit=100`, t.seSup)).items;
      if (entryIds.every((id) => entries.some((e) => e.entryId === id))) break;
    }
    const byId = (id: string | null) => entries.find((e) => e.entryId === id);
    // Referral answers name what they disclosed even without any case.
    expect(byId(entryIds[0])).toMatchObject({ query: 'referralDetail', caseIds: [], referralIds: [ids.lifecycle], resultCount: 1 });
    expect(byId(entryIds[1])).toMatchObject({ query: 'listReferrals', caseIds: [], resultCount: 7 });
    expect([...(byId(entryIds[1])?.referralIds ?? [])].sort()).toEqual([...ids.items].sort());
    // The new filter finds the reads that disclosed one referral.
    const forReferral = await api.data<Page<AccessEntry>>(`/api/v1/audit/access?referral=${ids.lifecycle}&limit=100`, t.seSup);
    expect(forReferral.items.map((e) => e.entryId)).toEqual(expect.arrayContaining([entryIds[0]]));
  });
});
