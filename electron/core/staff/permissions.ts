/**
 * The one permission matrix: which staff role may view, edit and export what. The core enforces
 * it on every call (see api/dispatch.ts); the UI only mirrors it to hide buttons.
 */
export const STAFF_ROLES = ['director', 'staff', 'assistant', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERMISSIONS = [
  'session.self', // any signed-in user: own password, sign out, who am I
  'inbox.view', // list and open items, masked
  'inbox.reveal', // show personal fields (audited)
  'inbox.act', // accept, assign, request materials, transfer, reject, close
  'inbox.export', // CSV export (audited)
  'walkin.create',
  'kiosk.manage', // pairing codes, revoke
  'dashboard.view',
  'audit.view',
  'audit.export',
  'staff.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_MATRIX: Readonly<Record<StaffRole, readonly Permission[]>> = {
  director: ['session.self', 'inbox.view', 'inbox.reveal', 'inbox.act', 'inbox.export', 'walkin.create', 'kiosk.manage', 'dashboard.view', 'audit.view', 'audit.export'],
  staff: ['session.self', 'inbox.view', 'inbox.reveal', 'inbox.act', 'inbox.export', 'walkin.create', 'dashboard.view'],
  // Assistants (辅助人员) register walk-ins and see the masked inbox, but never reveal or decide.
  assistant: ['session.self', 'inbox.view', 'walkin.create'],
  // Admin runs the system (accounts, kiosks, audit) and does not handle cases.
  admin: ['session.self', 'kiosk.manage', 'audit.view', 'audit.export', 'staff.manage', 'dashboard.view'],
};

export function roleHasPermission(role: StaffRole, permission: Permission): boolean {
  return PERMISSION_MATRIX[role].includes(permission);
}
