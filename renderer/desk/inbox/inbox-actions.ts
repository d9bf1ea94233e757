import type { InboxActionName, SubmissionStatus } from '../desk-api';

/** Which actions the item view offers from each status; the core decides (status-flow.ts). */
const OPEN: readonly SubmissionStatus[] = ['received', 'accepted', 'needs_materials'];
const ALLOWED_FROM: Readonly<Record<InboxActionName, readonly SubmissionStatus[]>> = {
  accept: ['received', 'needs_materials'],
  requestMaterials: OPEN,
  transfer: OPEN,
  reject: OPEN,
  resolve: ['accepted'],
};
export const ACTION_ORDER: readonly InboxActionName[] = ['accept', 'resolve', 'requestMaterials', 'transfer', 'reject'];

export function actionsFor(status: SubmissionStatus): InboxActionName[] {
  return ACTION_ORDER.filter((action) => ALLOWED_FROM[action].includes(status));
}
