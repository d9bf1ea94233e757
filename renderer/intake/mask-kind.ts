import type { Question } from '../../kiosk-config/forms/form-schema';
import { mask, type MaskKind } from '../ui/mask';

/** Which masking rule fits a personal question (review page, receipts). */
export function maskKindOf(q: Pick<Question, 'id' | 'type' | 'prefill'>): MaskKind {
  if (q.type === 'idNumber' || q.prefill === 'identity.idNumber') return 'idNumber';
  if (q.type === 'phone') return 'phone';
  if (q.prefill === 'identity.name') return 'name';
  if (q.prefill === 'identity.address') return 'address';
  if (/address|addr/i.test(q.id)) return 'address';
  if (/name/i.test(q.id)) return 'name';
  return 'generic';
}

export function maskAnswer(q: Pick<Question, 'id' | 'type' | 'prefill'>, text: string): string {
  return mask(text, maskKindOf(q));
}
