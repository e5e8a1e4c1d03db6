import { afterEach, describe, expect, it } from '@jest/globals';
import type { Session } from './auth-provider';
import { shareSession, type SessionShare } from './session-share';

const session = (over: Partial<Session> = {}): Session => ({
  token: 't1', country: 'DK', subject: 'dk-officer', scopes: ['cases:read'], expiresAt: Date.now() + 60_000, via: 'oidc', issuer: 'https://idp.dk', ...over,
});

const open: SessionShare[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function tab(current: () => Session | undefined) {
  const offers: Session[] = [];
  const share = shareSession({ current, onOffer: (s) => offers.push(s), onSignedOut: () => {} });
  open.push(share);
  return { share, offers };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('session sharing between tabs', () => {
  it('a signed-in tab adopts a renewed session of the same person, never an older one or another person\'s', async () => {
    const mine = session();
    const other = tab(() => mine);
    const renewing = tab(() => undefined);
    renewing.share.offer(session({ token: 't2', expiresAt: mine.expiresAt + 60_000 }));
    renewing.share.offer(session({ token: 'older', expiresAt: mine.expiresAt - 1000 }));
    renewing.share.offer(session({ token: 'someone-else', subject: 'dk-officer-2', expiresAt: mine.expiresAt + 60_000 }));
    renewing.share.offer(session({ token: 'other-idp', issuer: 'https://idp.se', expiresAt: mine.expiresAt + 60_000 }));
    await settle();
    expect(other.offers.map((s) => s.token)).toEqual(['t2']);
  });

  it('a signed-out tab adopts any valid session it is offered, and asking gets the current one', async () => {
    const fresh = tab(() => undefined);
    const holder = tab(() => session({ token: 'held' }));
    fresh.share.ask();
    await settle();
    expect(fresh.offers.map((s) => s.token)).toEqual(['held']);
    holder.share.offer(session({ token: 'expired', expiresAt: Date.now() - 1 }));
    await settle();
    expect(fresh.offers.map((s) => s.token)).toEqual(['held']);
  });
});
