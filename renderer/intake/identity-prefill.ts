import type { CardIdentityPayload } from '../../electron/core/api/events';
import type { Answers, AnswerValue, FormDefinition, PrefillSource, Question } from '../../kiosk-config/forms/form-schema';

/**
 * What the ID card fills in. The card is the authority on who is applying, so a card read
 * replaces whatever was typed into those fields; the resident can still edit them afterwards.
 */
export interface PrefillResult {
  answers: Answers;
  /** Question ids filled from the card (for the 「已从身份证读取」 badge). */
  filled: string[];
}

const MALE = ['male', 'm', '1', '男'];
const FEMALE = ['female', 'f', '2', '女'];

/** GB/T 2261.1 sex code: 1 male, 2 female; anything else is not filled. */
function sexValue(q: Question, sexCode: string): string | undefined {
  const candidates = sexCode === '1' ? MALE : sexCode === '2' ? FEMALE : null;
  if (!candidates) return undefined;
  if (q.type === 'choice') {
    const option = (q.options ?? []).find((o) => candidates.includes(o.value.toLowerCase()) || candidates.includes(o.label['zh-CN']));
    return option?.value;
  }
  return sexCode === '1' ? '男' : '女';
}

/** Cards carry `YYYYMMDD`; date questions take `YYYY-MM-DD`. */
export function normaliseBirthDate(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 8 ? `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}` : raw;
}

export function prefillValue(q: Question, source: PrefillSource, identity: CardIdentityPayload): AnswerValue | undefined {
  switch (source) {
    case 'identity.name':
      return identity.name.trim() || undefined;
    case 'identity.idNumber':
      return identity.idNumber.trim().toUpperCase() || undefined;
    case 'identity.address':
      return identity.address.trim() || undefined;
    case 'identity.birthDate':
      return identity.birthDate ? normaliseBirthDate(identity.birthDate) : undefined;
    case 'identity.sex':
      return sexValue(q, identity.sexCode);
    default:
      return undefined;
  }
}

/** Questions of the form (top level) that a card read fills. */
export function prefillQuestions(form: FormDefinition): Question[] {
  return form.groups.flatMap((g) => g.questions.filter((q) => q.prefill !== undefined));
}

export function applyIdentityPrefill(form: FormDefinition, answers: Answers, identity: CardIdentityPayload): PrefillResult {
  const next: Answers = { ...answers };
  const filled: string[] = [];
  for (const q of prefillQuestions(form)) {
    const value = prefillValue(q, q.prefill as PrefillSource, identity);
    if (value === undefined) continue;
    next[q.id] = value;
    filled.push(q.id);
  }
  return { answers: next, filled };
}
