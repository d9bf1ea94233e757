/**
 * The life of a submission at the desk, as pure rules. States only move forward (received ->
 * accepted / needs_materials -> transferred / rejected / resolved), like ODK's draft -> sent.
 */
export const SUBMISSION_STATUSES = ['received', 'accepted', 'needs_materials', 'transferred', 'rejected', 'resolved'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const INBOX_ACTIONS = ['accept', 'requestMaterials', 'transfer', 'reject', 'resolve'] as const;
export type InboxAction = (typeof INBOX_ACTIONS)[number];

export const TRANSFER_TARGETS = ['legalAidCenter', 'court', 'otherDepartment'] as const;
export type TransferTarget = (typeof TRANSFER_TARGETS)[number];

export const OUTCOMES = ['agreement', 'failed', 'done'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const OPEN: readonly SubmissionStatus[] = ['received', 'accepted', 'needs_materials'];

const ALLOWED_FROM: Readonly<Record<InboxAction, readonly SubmissionStatus[]>> = {
  accept: ['received', 'needs_materials'],
  requestMaterials: OPEN,
  transfer: OPEN,
  reject: OPEN,
  resolve: ['accepted'],
};

const TARGET: Readonly<Record<InboxAction, SubmissionStatus>> = {
  accept: 'accepted',
  requestMaterials: 'needs_materials',
  transfer: 'transferred',
  reject: 'rejected',
  resolve: 'resolved',
};

export function nextStatus(current: SubmissionStatus, action: InboxAction): SubmissionStatus | null {
  return ALLOWED_FROM[action].includes(current) ? TARGET[action] : null;
}

export function isClosed(status: SubmissionStatus): boolean {
  return status === 'transferred' || status === 'rejected' || status === 'resolved';
}

export interface ActionInput {
  action: InboxAction;
  materials?: string[];
  transferTo?: TransferTarget;
  reason?: string;
  outcome?: Outcome;
}

/** Fields an action cannot go without, as input paths (empty when complete). */
export function missingActionFields(input: ActionInput): string[] {
  switch (input.action) {
    case 'requestMaterials':
      return input.materials && input.materials.length > 0 ? [] : ['materials'];
    case 'transfer':
      return input.transferTo ? [] : ['transferTo'];
    case 'reject':
      return input.reason && input.reason.trim().length > 0 ? [] : ['reason'];
    case 'resolve':
      return input.outcome ? [] : ['outcome'];
    default:
      return [];
  }
}

/**
 * What the kiosk's progress screen says for a status: an i18n key (never the staff's free
 * text, which may hold personal data). Keys: progress.received, progress.accepted,
 * progress.needsMaterials, progress.transferred.<target>, progress.rejected,
 * progress.resolved.<outcome>.
 */
export function statusNoteKey(status: SubmissionStatus, detail: { transferTo?: string; outcome?: string } = {}): string {
  switch (status) {
    case 'needs_materials':
      return 'progress.needsMaterials';
    case 'transferred':
      return detail.transferTo ? `progress.transferred.${detail.transferTo}` : 'progress.transferred';
    case 'resolved':
      return detail.outcome ? `progress.resolved.${detail.outcome}` : 'progress.resolved';
    default:
      return `progress.${status}`;
  }
}
