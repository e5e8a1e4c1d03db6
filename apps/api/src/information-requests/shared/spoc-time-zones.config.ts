import { isCountryCode } from '@liaison/domain';

/**
 * The IANA time zone of each country's single point of contact (SPOC). Calendar-day deadlines (Art. 5(1)
 * Directive 2023/977: 3 and 7 days) are counted on the requested SPOC's calendar, so the zone of the
 * requested country goes into the command. Defaults: the five Nordic SPOCs; `SPOC_TIME_ZONES`
 * (`SE=Europe/Stockholm,DE=Europe/Berlin`) overrides or adds countries.
 */
export const DEFAULT_SPOC_TIME_ZONES: Readonly<Record<string, string>> = {
  SE: 'Europe/Stockholm', DK: 'Europe/Copenhagen', NO: 'Europe/Oslo', FI: 'Europe/Helsinki', IS: 'Atlantic/Reykjavik',
};

export function spocTimeZonesFrom(env: Record<string, string | undefined>): ReadonlyMap<string, string> {
  const zones = new Map(Object.entries(DEFAULT_SPOC_TIME_ZONES));
  const setting = env.SPOC_TIME_ZONES?.trim();
  if (!setting) return zones;
  for (const pair of setting.split(',')) {
    const [country, zone] = pair.split('=').map((s) => s.trim());
    if (!isCountryCode(country) || !zone || !isTimeZone(zone)) {
      throw new Error(`SPOC_TIME_ZONES: "${pair}" must be <country>=<IANA time zone>, e.g. SE=Europe/Stockholm`);
    }
    zones.set(country, zone);
  }
  return zones;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const SPOC_TIME_ZONES = Symbol('SPOC_TIME_ZONES');
