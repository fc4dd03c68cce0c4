/**
 * Roles are JWT claims (DESIGN section 6). Each role grants its own scope plus the scopes of the
 * roles it includes; field policies name the least role that may read a field, so
 * `@requiresScopes(scopes: [["analyst"]])` admits analysts and every role that includes analyst.
 */
export const ROLES = [
  'viewer',
  'analyst',
  'researcher',
  'validator',
  'trader',
  'compliance',
  'admin',
  'service',
] as const;
export type Role = (typeof ROLES)[number];

/** What each role includes. Compliance and admin see catalog metadata but not market data. */
const INCLUDES: Record<Role, readonly Role[]> = {
  viewer: [],
  analyst: ['viewer'],
  researcher: ['analyst'],
  validator: ['analyst'],
  trader: ['analyst'],
  compliance: ['viewer'],
  admin: ['viewer'],
  service: ['viewer'],
};

/** Roles whose users work in the explorer: they may introspect and get field suggestions. */
export const EXPLORER_ROLES: readonly Role[] = [
  'viewer',
  'analyst',
  'researcher',
  'validator',
  'trader',
  'compliance',
  'admin',
];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The scopes a set of roles grants: each role and, transitively, every role it includes. */
export function scopesForRoles(roles: readonly Role[]): Role[] {
  const out = new Set<Role>();
  const visit = (r: Role) => {
    if (out.has(r)) return;
    out.add(r);
    for (const inc of INCLUDES[r]) visit(inc);
  };
  roles.forEach(visit);
  return ROLES.filter((r) => out.has(r));
}
