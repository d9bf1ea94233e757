import type { Answers, AnswerValue, FormDefinition, Question, RepeatItem } from '../../../kiosk-config/forms/form-schema';

/**
 * How personal answers look on a staff screen before "reveal": enough to tell two applicants
 * apart at the counter (surname, last digits), never enough to identify someone.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

export function maskIdNumber(id: string): string {
  const text = id.trim();
  if (text.length <= 8) return '*'.repeat(text.length);
  return `${text.slice(0, 4)}${'*'.repeat(text.length - 8)}${text.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** Addresses and other free text: the first few characters (the county or town), then stars. */
export function maskText(text: string): string {
  const chars = [...text.trim()];
  if (chars.length <= 2) return '*'.repeat(chars.length);
  const keep = Math.min(6, Math.floor(chars.length / 3));
  return `${chars.slice(0, keep).join('')}***`;
}

export function maskDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(0, 4)}-**-**` : '****-**-**';
}

export function isNameQuestion(q: Question): boolean {
  return q.prefill === 'identity.name' || q.indexAs === 'name';
}

export function isIdNumberQuestion(q: Question): boolean {
  return q.type === 'idNumber' || q.prefill === 'identity.idNumber' || q.indexAs === 'idNumber';
}

export function maskValue(q: Question, value: AnswerValue): AnswerValue {
  if (q.type === 'repeat' && Array.isArray(value)) {
    return (value as RepeatItem[]).map((item) => {
      const masked: RepeatItem = {};
      for (const field of q.fields ?? []) {
        const v = item[field.id];
        if (v !== undefined) masked[field.id] = field.personal ? (maskValue(field, v) as RepeatItem[string]) : v;
      }
      return masked;
    });
  }
  if (typeof value !== 'string') return Array.isArray(value) ? value.map(() => '*') as string[] : '*';
  if (isIdNumberQuestion(q)) return maskIdNumber(value);
  if (q.type === 'phone') return maskPhone(value);
  if (isNameQuestion(q)) return maskName(value);
  if (q.type === 'date') return maskDate(value);
  if (q.type === 'choice') return '*';
  return maskText(value);
}

/** Every question of a form by id (top level), for lookups while masking or splitting answers. */
export function questionsById(form: FormDefinition): Map<string, Question> {
  const map = new Map<string, Question>();
  for (const group of form.groups) for (const q of group.questions) map.set(q.id, q);
  return map;
}

/** Masks the personal answers in place of their values; non-personal answers pass unchanged. */
export function maskAnswers(form: FormDefinition | undefined, answers: Answers): Answers {
  const byId = form ? questionsById(form) : new Map<string, Question>();
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const q = byId.get(id);
    if (!q) out[id] = '***';
    else if (q.personal || (q.fields ?? []).some((f) => f.personal)) out[id] = maskValue(q, value);
    else out[id] = value;
  }
  return out;
}
