import { describe, expect, it } from '@jest/globals';
import { spocTimeZonesFrom } from './spoc-time-zones.config.js';

describe('SPOC_TIME_ZONES', () => {
  it('defaults to the five Nordic SPOCs', () => {
    expect(Object.fromEntries(spocTimeZonesFrom({}))).toEqual({
      SE: 'Europe/Stockholm', DK: 'Europe/Copenhagen', NO: 'Europe/Oslo', FI: 'Europe/Helsinki', IS: 'Atlantic/Reykjavik',
    });
  });

  it('overrides and adds countries, keeping the other defaults', () => {
    const zones = spocTimeZonesFrom({ SPOC_TIME_ZONES: ' DE=Europe/Berlin , SE=Europe/Stockholm,DK=Europe/Berlin' });
    expect([zones.get('DE'), zones.get('DK'), zones.get('NO')]).toEqual(['Europe/Berlin', 'Europe/Berlin', 'Europe/Oslo']);
  });

  it.each(['se=Europe/Stockholm', 'SE=Mars/Olympus', 'SE', 'ZZ=Europe/Berlin'])('refuses "%s" at start-up', (setting) => {
    expect(() => spocTimeZonesFrom({ SPOC_TIME_ZONES: setting })).toThrow('SPOC_TIME_ZONES');
  });
});
