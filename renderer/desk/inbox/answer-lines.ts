import type { Answers, AnswerValue, FormDefinition, Question } from '../../../kiosk-config/forms/form-schema';

/** Answers as labelled lines for the item view, in form order; unknown ids go last. */
export interface AnswerLine {
  id: string;
  label: string;
  text: string;
  personal: boolean;
  items?: AnswerLine[][];
}

type Lang = 'zh-CN' | 'en';
export interface Words {
  yes: string;
  no: string;
}

function optionText(q: Question | undefined, value: string, lang: Lang): string {
  return q?.options?.find((o) => o.value === value)?.label[lang] ?? value;
}

export function valueText(q: Question | undefined, value: AnswerValue | undefined, lang: Lang, words: Words): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return q?.type === 'choice' ? optionText(q, value, lang) : value;
  if (value.length === 0) return '—';
  if (typeof value[0] === 'string') return (value as string[]).map((v) => optionText(q, v, lang)).join(lang === 'en' ? ', ' : '、');
  return '';
}

export function answerLines(form: FormDefinition | null, answers: Answers, personalFields: readonly string[], lang: Lang, words: Words): AnswerLine[] {
  const questions = new Map<string, Question>();
  const order: string[] = [];
  for (const group of form?.groups ?? []) {
    for (const q of group.questions) {
      if (q.type === 'notice') continue;
      questions.set(q.id, q);
      order.push(q.id);
    }
  }
  for (const id of Object.keys(answers)) if (!questions.has(id)) order.push(id);
  const personal = (id: string): boolean => personalFields.includes(id) || personalFields.some((p) => p.startsWith(`${id}.`)) || Boolean(questions.get(id)?.personal);
  const lines: AnswerLine[] = [];
  for (const id of order) {
    const value = answers[id];
    if (value === undefined) continue;
    const q = questions.get(id);
    const line: AnswerLine = { id, label: q?.label[lang] ?? id, text: valueText(q, value, lang, words), personal: personal(id) };
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') {
      line.items = (value as Array<Record<string, AnswerValue>>).map((item) =>
        Object.entries(item).map(([fieldId, fieldValue]) => {
          const field = q?.fields?.find((f) => f.id === fieldId);
          return { id: `${id}.${fieldId}`, label: field?.label[lang] ?? fieldId, text: valueText(field, fieldValue, lang, words), personal: Boolean(field?.personal) };
        }),
      );
    }
    lines.push(line);
  }
  return lines;
}
