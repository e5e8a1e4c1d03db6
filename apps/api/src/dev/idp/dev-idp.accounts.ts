import { ROLES, type Role } from '../../auth/scopes.js';

/**
 * Who the development IdPs can sign in: per country an officer, an analyst and a supervisor (the
 * identities the old token minter offered), plus one account without any Liaison role, so the
 * dashboard's "no Liaison role" page can be tried. Development only.
 */
export const DEV_COUNTRIES = ['SE', 'DK', 'NO', 'FI', 'IS'] as const;
export type DevCountry = (typeof DEV_COUNTRIES)[number];

export function isDevCountry(value: string): value is DevCountry {
  return (DEV_COUNTRIES as readonly string[]).includes(value);
}

const ADJECTIVE: Readonly<Record<DevCountry, string>> = { SE: 'Swedish', DK: 'Danish', NO: 'Norwegian', FI: 'Finnish', IS: 'Icelandic' };

/** The sign-in button's name, e.g. "Swedish Police (development)". */
export function devIdpName(country: DevCountry): string {
  return `${ADJECTIVE[country]} Police (development)`;
}

export interface DevAccount {
  accountId: string;
  country: DevCountry;
  /** Empty: signs in, but Liaison grants nothing. */
  roles: Role[];
  label: string;
  name: string;
}

export function devAccounts(country: DevCountry): DevAccount[] {
  const cc = country.toLowerCase();
  return [
    ...ROLES.map((role) => ({ accountId: `dev-${cc}-${role}`, country, roles: [role], label: `${ADJECTIVE[country]} ${role}`, name: `${country} ${role} (dev)` })),
    { accountId: `dev-${cc}-no-role`, country, roles: [], label: `${ADJECTIVE[country]} employee without a Liaison role`, name: `${country} employee (dev)` },
  ];
}

export function findDevAccount(country: DevCountry, accountId: string): DevAccount | undefined {
  return devAccounts(country).find((a) => a.accountId === accountId);
}
