import { describe, expect, it } from '@jest/globals';
import { assertDemoAllowed, DemoRefused } from './demo-guard.js';
import { ALL_PSEUDONYMS, daysBefore, fictionalId, HANDLERS, TEENS } from './seed-story.cast.js';

describe('seed story cast', () => {
  it('has seventeen Swedish teenagers, some dual nationals, recorded by both countries', () => {
    expect(TEENS).toHaveLength(17);
    expect(TEENS.every((t) => t.nationalities[0] === 'SE')).toBe(true);
    expect(TEENS.filter((t) => t.nationalities.length > 1).length).toBeGreaterThanOrEqual(2);
    expect(new Set(TEENS.map((t) => t.recordedBy))).toEqual(new Set(['se', 'dk']));
    expect(TEENS.filter((t) => t.releasedDaysAgo !== undefined)).toHaveLength(2);
  });

  it('records only past facts: detentions before releases, releases before now', () => {
    for (const t of TEENS) {
      expect(t.detainedDaysAgo).toBeGreaterThan(0);
      if (t.releasedDaysAgo !== undefined) expect(t.releasedDaysAgo).toBeLessThan(t.detainedDaysAgo);
      expect(-t.reviewInDays).toBeLessThan(t.detainedDaysAgo);
    }
  });

  it('links handlers only to teenagers of the cast and uses obviously fictional names', () => {
    const keys = new Set(TEENS.map((t) => t.key));
    for (const h of HANDLERS) for (const l of h.links) expect(keys.has(l.teen)).toBe(true);
    expect(HANDLERS.flatMap((h) => h.platforms)).toEqual(expect.arrayContaining(['telegram', 'tiktok']));
    for (const p of ALL_PSEUDONYMS) expect(p).toMatch(/^(Ungdom [A-Q]|Handler '[\w-]+'|Menu-Man \(wanted\)|Kontakt Fjällräv|Havnefront-ung 1|Lillebror|kniven_cph)$/);
  });

  it('derives stable UUIDs from the seed and label', () => {
    const id = fictionalId('s', 'case:main');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fictionalId('s', 'case:main')).toBe(id);
    expect(fictionalId('t', 'case:main')).not.toBe(id);
  });

  it('never dates a past fact after now', () => {
    const now = new Date('2024-08-21T12:34:56.789Z');
    expect(daysBefore(now, 0)).toBe('2024-08-21T12:34:00.000Z');
    expect(daysBefore(now, 1)).toBe('2024-08-20T12:34:00.000Z');
  });
});

describe('demo guard', () => {
  it('refuses production, configured issuers and EventStoreDB', () => {
    expect(() => assertDemoAllowed({ NODE_ENV: 'production' })).toThrow(DemoRefused);
    expect(() => assertDemoAllowed({ TRUSTED_ISSUERS: '[]' })).toThrow(/TRUSTED_ISSUERS/);
    expect(() => assertDemoAllowed({ EVENT_STORE: 'esdb' })).toThrow(/embedded store/);
    expect(() => assertDemoAllowed({ NODE_ENV: 'development' })).not.toThrow();
  });
});
