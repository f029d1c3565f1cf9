/** Staff roles of ONSITE ATLAS and what each may do here (docs/gateway.md's role policy). */
export type StaffRole = 'admin' | 'manager' | 'staff' | string;

export type CallerKind = 'staff' | 'registrant' | 'other';

/** Roles that may open the console's staff pages. */
export const CONSOLE_ROLES: ReadonlySet<string> = new Set(['admin', 'manager', 'staff']);

/** Roles that may change anything (staff read only). */
export const WRITE_ROLES: ReadonlySet<string> = new Set(['admin', 'manager']);

export function canWrite(role: string | undefined): boolean {
  return !!role && WRITE_ROLES.has(role);
}
