/** ISO 3166-1 alpha-2, uppercase (e.g. 'SE'). Kept a string so payloads stay plain JSON. */
export type CountryCode = string;

// Officially assigned ISO 3166-1 alpha-2 codes. A fixed list rather than Intl.DisplayNames,
// whose answer depends on the runtime's ICU data and also accepts retired codes (YU, SU …).
const ISO_3166_1_ALPHA_2 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS ' +
  'MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS ' +
  'RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW ' +
  'TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

// XK (Kosovo) is user-assigned, not ISO, but EU institutions and Europol use it; without it
// Kosovar nationals could not be recorded at all.
const ACCEPTED = new Set([...ISO_3166_1_ALPHA_2.split(' '), 'XK']);

/** Parties to the Nordic arrest warrant convention. */
export const NORDIC_COUNTRIES: readonly CountryCode[] = ['SE', 'DK', 'NO', 'FI', 'IS'];

/** EU member states, i.e. where the European arrest warrant applies. */
export const EU_MEMBER_STATES: readonly CountryCode[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];

/** Case-sensitive on purpose: 'se' is rejected rather than silently normalised. */
export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && ACCEPTED.has(value);
}

export const isNordic = (country: CountryCode): boolean => NORDIC_COUNTRIES.includes(country);
export const isEuMemberState = (country: CountryCode): boolean => EU_MEMBER_STATES.includes(country);
