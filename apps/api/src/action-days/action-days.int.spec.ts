import { describe, expect, it } from '@jest/globals';
import { pastInstant } from '../cases/commands/testing/case-commands.harness.js';
import { freshLocator, listCsv, planDayBody, useOfficerHarness } from '../referrals/testing/referral-bodies.js';

// Action days over real HTTP: planning, the bulk list (CSV and JSON Lines) and the platform's answer file.

type BulkReply = { imported: boolean; recorded: Record<string, number>; unchangedRows: number; rows: number; position: string | null; code?: string; errors?: { row: number; line: number; field: string }[] };

describe('referral action days over HTTP', () => {
  const t = useOfficerHarness();

  const plan = async (overrides: Record<string, unknown> = {}) => {
    const res = await t.h.call<{ actionDayId: string }>('POST', '/api/v1/referrals/action-days', { token: t.se, body: planDayBody(overrides) });
    expect(res.status).toBe(201);
    return res.body.actionDayId;
  };
  const upload = (dayId: string, what: 'list' | 'answers', raw: string, token = t.se, contentType = 'text/csv', headers?: Record<string, string>) =>
    t.h.call<BulkReply>('POST', `/api/v1/referrals/action-days/${dayId}/${what}`, { token, raw, contentType, headers });
  const eventCount = async () => (await t.h.store.readAll()).length;

  it('records a whole CSV list, and the same file again changes nothing', async () => {
    const day = await plan();
    const { csv, locators } = listCsv(25, pastInstant(3));
    const first = await upload(day, 'list', csv);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ imported: true, rows: 25, unchangedRows: 0, recorded: { ContentReferred: 25, ReferralSentToPlatform: 25 } });
    const before = await eventCount();
    const again = await upload(day, 'list', csv);
    expect([again.status, again.body.imported, again.body.recorded]).toEqual([201, false, {}]);
    expect(await eventCount()).toBe(before);
    // The same rows in another file (one more line): only the new row is recorded.
    const extra = freshLocator();
    const grown = await upload(day, 'list', `${csv}${extra},threat,tos_referral,NOA Cyber,${pastInstant(3)}\n`);
    expect(grown.body).toMatchObject({ imported: true, rows: 26, unchangedRows: 25, recorded: { ContentReferred: 1, ReferralSentToPlatform: 1 } });
    // Read your writes: the ledger shows the day's items once the read models reach the position.
    const ledger = await t.h.call<{ data: { items: { locator: string }[] } }>('GET', `/api/v1/referrals?actionDayId=${day}&limit=100`, {
      token: t.se, headers: { 'x-purpose': 'Action day follow-up', 'x-min-position': grown.body.position! },
    });
    expect(ledger.status).toBe(200);
    expect(ledger.body.data.items.map((i) => i.locator).sort()).toEqual([...locators, extra].sort());
  });

  it('records an item listed twice in one file once, each item as one append of its referral and its sending', async () => {
    const day = await plan();
    const { csv, locators } = listCsv(3, pastInstant(2));
    const lines = csv.trimEnd().split('\n');
    const res = await upload(day, 'list', [...lines, lines[1]].join('\n'));
    expect(res.body).toMatchObject({ imported: true, rows: 4, unchangedRows: 1, recorded: { ContentReferred: 3, ReferralSentToPlatform: 3 } });
    const events = (await t.h.store.readAll()).filter((e) => locators.includes(String(e.data.locator ?? '')) || e.type === 'ReferralSentToPlatform');
    const referred = events.filter((e) => e.type === 'ContentReferred');
    // The sending follows its referral at the very next global position: one append, never a referral left unsent.
    for (const r of referred) {
      const sent = events.find((e) => e.streamId === r.streamId && e.type === 'ReferralSentToPlatform');
      expect(sent?.position).toBe(r.position + 1n);
    }
  });

  it('records nothing when one row is invalid, and names the row, its line and the field', async () => {
    const day = await plan();
    const { csv } = listCsv(5, pastInstant(2));
    const lines = csv.trimEnd().split('\n');
    lines[4] = lines[4].replace('glorification', 'gossip');
    const before = await eventCount();
    const res = await upload(day, 'list', lines.join('\n'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_ROWS');
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 4, line: 5, field: 'contentKind' })]);
    expect(await eventCount()).toBe(before);
  });

  it('accepts JSON Lines, makes another country a co-referrer of content already referred, and imports the answer file', async () => {
    const day = await plan({ participatingCountries: ['SE', 'DK'] });
    const sentAt = pastInstant(4);
    const locators = [freshLocator(), freshLocator(), freshLocator()];
    const jsonl = locators.map((locator) => JSON.stringify({ locator, contentKind: 'crime_menu', basis: 'tos_referral', unit: 'NOA', sentAt })).join('\n');
    expect((await upload(day, 'list', jsonl, t.se, 'application/x-ndjson')).body.recorded).toEqual({ ContentReferred: 3, ReferralSentToPlatform: 3 });
    const byDk = await upload(day, 'list', `locator,contentKind,basis,unit,sentAt\n${locators[0]}?utm_source=x,crime_menu,tos_referral,NKC,${sentAt}\n`, t.dk);
    expect(byDk.body).toMatchObject({ imported: true, recorded: { CoReferrerJoined: 1 } });
    const answers = [
      'locator,outcome,at,countries,reason',
      `${locators[0]},removed,${pastInstant(3)},,`,
      `${locators[1]},geo_blocked,${pastInstant(3)},SE;DK,`,
      `${locators[2]},declined,${pastInstant(2)},,no_violation_found`,
    ].join('\n');
    const imported = await upload(day, 'answers', answers);
    expect(imported.body).toMatchObject({ imported: true, recorded: { ContentRemoved: 1, ContentGeoBlocked: 1, RemovalDeclined: 1 } });
    const progress = (token: string) => t.h.call<{ data: Record<string, number> }>('GET', `/api/v1/referrals/action-days/${day}`, { token, headers: { 'x-min-position': imported.body.position! } });
    expect((await progress(t.se)).body.data).toMatchObject({ referred: 3, removed: 1, geoBlocked: 1, declined: 1 });
    // DK sees only the item it co-referred: a day's figures follow the referral access rule.
    expect((await progress(t.dk)).body.data).toMatchObject({ referred: 1, removed: 1, geoBlocked: 0, declined: 0 });
  });

  it('refuses an answer file naming content nobody referred, or answers before sending, as row errors', async () => {
    const day = await plan();
    const { csv, locators } = listCsv(1, pastInstant(1));
    await upload(day, 'list', csv);
    const res = await upload(day, 'answers', `locator,outcome,at\n${freshLocator()},removed,${pastInstant(1)}\n${locators[0]},removed,${pastInstant(5)}\n`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => [e.row, e.field])).toEqual([[1, 'locator'], [2, 'at']]);
  });

  it('answers 404 for an unknown day, 403 for a country not taking part, 415 for JSON, 400 for a malformed file, 413 past the bulk limit', async () => {
    const day = await plan({ participatingCountries: ['SE'] });
    const { csv } = listCsv(1, pastInstant(1));
    expect((await upload('7b1e2d3c-4a5b-4c6d-8e7f-9a0b1c2d3e4f', 'list', csv)).status).toBe(404);
    const notIn = await upload(day, 'list', csv, await t.h.token('NO'));
    expect([notIn.status, notIn.body.code]).toEqual([403, 'NOT_A_PARTICIPANT']);
    expect((await upload(day, 'list', '{"rows":[]}', t.se, 'application/json')).status).toBe(415);
    const quote = await upload(day, 'list', 'locator,contentKind\n"unterminated,threat\n');
    expect([quote.status, quote.body.code]).toEqual([400, 'INVALID_FILE']);
    expect((await upload(day, 'list', 'locator,contentKind,basis,unit\n')).status).toBe(400);
    const huge = await upload(day, 'list', `locator,contentKind,basis,unit\n${'x'.repeat(9 * 1024 * 1024)}\n`);
    expect(huge.status).toBe(413);
  });
});
