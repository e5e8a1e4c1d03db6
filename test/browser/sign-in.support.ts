/**
 * Signing in the way an officer does (issue 20): "Sign in with <IdP>" on the dashboard, then the
 * identity on the development IdP's own page, then back through the OIDC callback.
 */
import type { Page } from 'playwright-core';

const IDP_BY_ADJECTIVE: Readonly<Record<string, string>> = {
  Swedish: 'Swedish Police', Danish: 'Danish Police', Norwegian: 'Norwegian Police', Finnish: 'Finnish Police', Icelandic: 'Icelandic Police',
};

/** The IdP whose identity a label like "Danish officer" names. */
export function idpOf(label: string): string {
  const idp = IDP_BY_ADJECTIVE[label.split(' ')[0] ?? ''];
  if (!idp) throw new Error(`no development IdP for "${label}"`);
  return idp;
}

/** From the dashboard's sign-in page (whatever address it shows): IdP button, identity, back signed in. */
export async function signInThroughIdp(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `Sign in with ${idpOf(label)}` }).click();
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
