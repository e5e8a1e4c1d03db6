/** Every scope the API understands; tokens may carry others, which are simply never required. */
export const Scope = {
  CasesRead: 'cases:read',
  CasesWrite: 'cases:write',
  CasesShare: 'cases:share',
  DashboardsRead: 'dashboards:read',
  AuditRead: 'audit:read',
} as const;
export type Scope = (typeof Scope)[keyof typeof Scope];

export const ALL_SCOPES: readonly Scope[] = Object.values(Scope);

export const ROLES = ['officer', 'analyst', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** Scope sets the dev IdP grants per role; real IdPs decide scopes themselves. */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  officer: [Scope.CasesRead, Scope.CasesWrite, Scope.CasesShare, Scope.DashboardsRead],
  analyst: [Scope.CasesRead, Scope.DashboardsRead],
  supervisor: [Scope.CasesRead, Scope.DashboardsRead, Scope.AuditRead],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Parses the space-separated OAuth `scope` claim (RFC 8693 §4.2). */
export function parseScopeClaim(claim: string): ReadonlySet<string> {
  return new Set(claim.split(' ').filter((s) => s.length > 0));
}

export function hasAllScopes(granted: ReadonlySet<string>, required: readonly string[]): boolean {
  return required.every((s) => granted.has(s));
}

export function hasAnyScope(granted: ReadonlySet<string>, required: readonly string[]): boolean {
  return required.length === 0 || required.some((s) => granted.has(s));
}
