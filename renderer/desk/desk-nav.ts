import { roleHasPermission, type Permission, type StaffRole } from '../../electron/core/staff/permissions';

/**
 * The desk's pages and the permission each needs: the same matrix the core enforces
 * (permissions.ts), mirrored here only to hide what a role cannot use.
 */
export const DESK_PAGES = ['inbox', 'walkin', 'dashboard', 'kiosks', 'audit', 'staff'] as const;
export type DeskPage = (typeof DESK_PAGES)[number];

export const PAGE_PERMISSION: Readonly<Record<DeskPage, Permission>> = {
  inbox: 'inbox.view',
  walkin: 'walkin.create',
  dashboard: 'dashboard.view',
  kiosks: 'kiosk.manage',
  audit: 'audit.view',
  staff: 'staff.manage',
};

export function visiblePages(role: StaffRole): DeskPage[] {
  return DESK_PAGES.filter((page) => roleHasPermission(role, PAGE_PERMISSION[page]));
}

export function can(role: StaffRole, permission: Permission): boolean {
  return roleHasPermission(role, permission);
}
