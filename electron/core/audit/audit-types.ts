/**
 * The tamper-evident audit trail as other domains see it. Every look at personal data, every
 * status change, sign-in and export goes through append(). Implemented in audit-trail.ts.
 */
export const AUDIT_ACTIONS = [
  'staff.sign_in',
  'staff.sign_in_failed',
  'staff.locked',
  'staff.sign_out',
  'staff.password_changed',
  'staff.created',
  'staff.updated',
  'personal.reveal',
  'personal.search',
  'submission.received',
  'submission.status',
  'submission.walkin',
  'export.csv',
  'audit.export',
  'audit.verify',
  'kiosk.pairing_code',
  'kiosk.paired',
  'kiosk.revoked',
  'identity.card_read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryInput {
  /** Staff user id, `kiosk:<id>` or `system`. */
  actor: string;
  action: AuditAction;
  /** What was touched, e.g. a submission id; never personal data itself. */
  target?: string;
  /** Extra facts without personal data (field names, status values, counts). */
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditSink {
  append(entry: AuditEntryInput): void;
}
