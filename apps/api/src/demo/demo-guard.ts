/** Refuses the demo where it has no business running. */
export type DemoEnv = Readonly<Record<string, string | undefined>>;

export class DemoRefused extends Error {
  override readonly name = 'DemoRefused';
}

/** The demo only makes sense with the local development identity providers. */
export function assertDemoAllowed(env: DemoEnv): void {
  if (env.NODE_ENV === 'production') {
    throw new DemoRefused('npm run demo refuses to run with NODE_ENV=production: it writes fictional data and signs in through development identity providers.');
  }
  if (env.TRUSTED_ISSUERS?.trim() || env.TRUSTED_ISSUERS_FILE?.trim()) {
    throw new DemoRefused('npm run demo needs the development identity providers: unset TRUSTED_ISSUERS / TRUSTED_ISSUERS_FILE.');
  }
  if ((env.EVENT_STORE ?? 'sqlite') !== 'sqlite') {
    throw new DemoRefused('npm run demo runs on the embedded store only: unset EVENT_STORE.');
  }
}
