import type { Provider as OidcProvider } from 'oidc-provider';

let loaded: Promise<{ Provider: typeof OidcProvider; MemoryAdapter: unknown }> | undefined;

/**
 * oidc-provider is loaded on demand, so production (which never runs a development IdP) never loads
 * it. Its module prints "Unsupported runtime. Use Node.js v22.x LTS" on Node 20 (Liaison's engine):
 * that one line is dropped, because the service's log is JSON and the warning is known (ADR 18).
 */
export function loadOidcProvider(): Promise<{ Provider: typeof OidcProvider; MemoryAdapter: unknown }> {
  loaded ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) return;
      warn(...args);
    };
    try {
      const [provider, adapter] = await Promise.all([import('oidc-provider'), import('oidc-provider/lib/adapters/memory_adapter.js')]);
      // Its own in-memory adapter, named as a subclass so it counts as chosen, not defaulted (no warning).
      class DevMemoryAdapter extends adapter.default {}
      return { Provider: provider.default, MemoryAdapter: DevMemoryAdapter };
    } finally {
      console.warn = warn;
    }
  })();
  return loaded;
}
