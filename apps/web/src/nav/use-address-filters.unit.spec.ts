import { describe, expect, it } from '@jest/globals';
import { heldFor, type HeldDraft } from './use-address-filters';

type F = { year: string; country: string };
const at = (search: string): F => ({ year: '2026', country: new URLSearchParams(search).get('country') ?? '' });

describe('heldFor: the draft a filter form shows', () => {
  it('keeps the draft being edited while the address is the one it was started from', () => {
    // given a draft started at ?year=2026 and edited to Denmark
    const held: HeldDraft<F> = { key: '?year=2026', draft: { year: '2026', country: 'DK' } };
    // when the same address renders again, then the edit stays
    expect(heldFor(held, '?year=2026', at('?year=2026')).draft).toEqual({ year: '2026', country: 'DK' });
  });

  it('shows the filters in force as soon as the address changes, in the same render', () => {
    // given a draft applied at ?year=2026&country=DK
    const held: HeldDraft<F> = { key: '?year=2026&country=DK', draft: at('?year=2026&country=DK') };
    // when Back returns to ?year=2026, then the form shows what that address holds
    expect(heldFor(held, '?year=2026', at('?year=2026')).draft).toEqual({ year: '2026', country: '' });
  });

  it('drops an edit once the address moved on, so Back to where it was edited shows that address, not the edit', () => {
    // given Denmark chosen at ?year=2026 and applied (the address becomes ?year=2026&country=DK)
    let held: HeldDraft<F> = { key: '?year=2026', draft: { year: '2026', country: 'DK' } };
    held = heldFor(held, '?year=2026&country=DK', at('?year=2026&country=DK'));
    // when Back returns to ?year=2026
    held = heldFor(held, '?year=2026', at('?year=2026'));
    // then the form shows all countries, as that address holds
    expect(held.draft).toEqual({ year: '2026', country: '' });
  });
});
