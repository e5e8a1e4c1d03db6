// oidc-provider 9 ships no type declarations; this covers the part of its API the development IdP uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaContextWithOIDC {
    oidc: {
      params?: Record<string, unknown>;
      client?: { clientId: string; grantTypeAllowed(type: string): boolean };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      result?: { consent?: { grantId?: string } };
      entities: Record<string, unknown>;
      provider: Provider;
      route?: string;
    };
    body: unknown;
    type: string;
    status: number;
    host: string;
    set(name: string, value: string): void;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string };
    grantId?: string;
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface TokenInstance {
    accountId?: string;
    clientId?: string;
    gty?: string;
    expiration: number;
    save(): Promise<string>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly issuer: string;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    registerGrantType(name: string, handler: (ctx: KoaContextWithOIDC) => Promise<void>, params?: string[]): void;
    on(event: string, listener: (...args: unknown[]) => void): this;
    readonly Grant: new (input: { accountId?: string; clientId: string }) => GrantInstance;
    readonly AccessToken: new (input: Record<string, unknown>) => TokenInstance;
    readonly ResourceServer: new (identifier: string, info: Record<string, unknown>) => unknown;
  }

  export const errors: {
    InvalidRequest: new (description: string) => Error;
    InvalidGrant: new (description: string) => Error;
  };

  export default Provider;
}

// The provider's own in-memory adapter, passed explicitly: the development IdPs keep sessions and
// grants in memory on purpose (signing keys, the part that must survive restarts, are in DATA_DIR).
declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
  const MemoryAdapter: new (model: string) => object;
  export default MemoryAdapter;
}
