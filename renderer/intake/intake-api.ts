import { api } from '../api/client';
import type { Answers, FormDefinition } from '../../kiosk-config/forms/form-schema';

/** The intake rows of the API as this screen uses them. */
export interface IntakeReceipt {
  id: string;
  receiptNo: string;
  /** Walk-ins at the desk get no timestamp back; the receipt then shows none. */
  submittedAt?: string;
}
export interface ResumedDraft {
  draftId: string;
  formId: string;
  answers: Answers;
  groupIndex: number;
}
export interface IntakeApi {
  formGet(input: { formId: string }): Promise<FormDefinition>;
  draftSave(input: { draftId?: string; formId: string; answers: Answers; groupIndex: number }): Promise<{ draftId: string }>;
  draftPause(input: { draftId: string }): Promise<{ code: string; expiresAt: string }>;
  draftResume(input: { code: string }): Promise<ResumedDraft>;
  draftDiscard(input: { draftId: string }): Promise<{ ok: true }>;
  intakeSubmit(input: { formId: string; answers: Answers; draftId?: string }): Promise<IntakeReceipt>;
  walkinSubmit(input: { formId: string; answers: Answers }): Promise<IntakeReceipt>;
}

export const intakeApi: IntakeApi = api;
