import { describe, expect, it } from '@jest/globals';
import { pastInstant } from '../../cases/commands/testing/case-commands.harness.js';
import { referBody, useOfficerHarness } from '../testing/referral-bodies.js';
import { FOLLOW_UP_ACTOR, NoResponseSweeper } from './no-response.sweeper.js';

// The service's own follow-up: overdue referrals get NoPlatformResponse, recorded as the service on the
// originating country's behalf; answered, not-yet-due and already-followed-up ones are left alone.

describe('NoResponseSweeper', () => {
  const t = useOfficerHarness();

  it('records NoPlatformResponse for each overdue referral once, and nothing for answered or not-yet-due ones', async () => {
    const refer = async (body: Record<string, unknown>, sentDaysAgo: number) => {
      const { referralId } = (await t.h.call<{ referralId: string }>('POST', '/api/v1/referrals', { token: t.se, body: referBody({ referredAt: pastInstant(sentDaysAgo + 1), ...body }) })).body;
      const sent = await t.h.call<{ position: string }>('POST', `/api/v1/referrals/${referralId}/sent`, { token: t.se, body: { sentAt: pastInstant(sentDaysAgo) } });
      return { referralId, position: sent.body.position };
    };
    const order = await refer({ basis: 'removal_order', contentKind: 'terrorist_content' }, 1);
    const silentReferral = await refer({}, 9);
    const recentReferral = await refer({}, 2);
    const answered = await refer({}, 9);
    const last = await t.h.call<{ position: string }>('POST', `/api/v1/referrals/${answered.referralId}/outcome`, { token: t.se, body: { outcome: 'removed', at: pastInstant(8) } });
    // Wait for the ledger to include everything above, as the sweeper reads it.
    await t.h.call('GET', '/api/v1/referrals/overdue', { token: t.se, headers: { 'x-purpose': 'follow-up check', 'x-min-position': last.body.position } });

    const sweeper = t.h.app.get(NoResponseSweeper);
    const first = await sweeper.sweep();
    const types = async (id: string) => (await t.h.store.readStream(`referral-${id}`)).map((e) => e.type);
    expect(await types(order.referralId)).toContain('NoPlatformResponse');
    expect(await types(silentReferral.referralId)).toContain('NoPlatformResponse');
    expect(await types(recentReferral.referralId)).not.toContain('NoPlatformResponse');
    expect(await types(answered.referralId)).not.toContain('NoPlatformResponse');
    expect(first).toBeGreaterThanOrEqual(2);
    const [event] = (await t.h.store.readStream(`referral-${order.referralId}`)).filter((e) => e.type === 'NoPlatformResponse');
    expect(event.metadata).toMatchObject({ actor: FOLLOW_UP_ACTOR, country: 'SE' });

    // Once the ledger has seen them, a second pass finds nothing left to record.
    await t.h.call('GET', '/api/v1/referrals/overdue', { token: t.se, headers: { 'x-purpose': 'follow-up check', 'x-min-position': event.position.toString() } });
    expect(await sweeper.sweep()).toBe(0);
  });
});
