/** The three roles a running instance can play; chosen by the site config, never by the client. */
export const ROLES = ['kiosk', 'desk', 'visit'] as const;
export type Role = (typeof ROLES)[number];

export const ALL_ROLES: readonly Role[] = ROLES;
