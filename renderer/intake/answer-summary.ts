import { isAnswered, isInputQuestion, visibleGroups, visibleQuestions } from '../../kiosk-config/forms/form-engine';
import type { Answers, AnswerValue, FormDefinition, PrefillSource, Question, QuestionType, RepeatItem } from '../../kiosk-config/forms/form-schema';
import { pick, type FormLang } from './form-text';

/** One answer as the review page shows it: label and a readable value in the screen's language. */
export interface SummaryRow {
  questionId: string;
  /** Issue path: the question id, or `parties.1.name` inside a repeat. */
  path: string;
  type: QuestionType;
  prefill?: PrefillSource;
  label: string;
  /** null when not answered. */
  text: string | null;
  personal: boolean;
  /** For repeats: one list of rows per item. */
  items?: SummaryRow[][];
}

export interface SummaryGroup {
  /** Index among the visible groups (what 「修改」 jumps to). */
  groupIndex: number;
  groupId: string;
  title: string;
  rows: SummaryRow[];
}

export interface SummaryWords {
  yes: string;
  no: string;
  accepted: string;
}

function optionLabel(q: Question, value: string, lang: FormLang): string {
  const option = (q.options ?? []).find((o) => o.value === value);
  return option ? pick(option.label, lang) : value;
}

export function answerText(q: Question, value: AnswerValue | undefined, lang: FormLang, words: SummaryWords): string | null {
  if (!isAnswered(value)) return null;
  switch (q.type) {
    case 'choice':
      return typeof value === 'string' ? optionLabel(q, value, lang) : String(value);
    case 'multiChoice':
    case 'checklist':
      return Array.isArray(value) ? (value as string[]).map((v) => optionLabel(q, v, lang)).join(lang === 'en' ? ', ' : '、') : String(value);
    case 'yesNo':
      return value === true ? words.yes : value === false ? words.no : String(value);
    case 'consent':
      return value === true ? words.accepted : null;
    case 'repeat':
      return null;
    default:
      return typeof value === 'string' ? value.trim() : String(value);
  }
}

function row(q: Question, value: AnswerValue | undefined, path: string, lang: FormLang, words: SummaryWords): SummaryRow {
  const base: SummaryRow = { questionId: q.id, path, type: q.type, ...(q.prefill ? { prefill: q.prefill } : {}), label: pick(q.label, lang), text: answerText(q, value, lang, words), personal: q.personal };
  if (q.type !== 'repeat') return base;
  const items = Array.isArray(value) ? (value as RepeatItem[]) : [];
  return {
    ...base,
    personal: base.personal || (q.fields ?? []).some((f) => f.personal),
    items: items.map((item, index) => (q.fields ?? []).filter(isInputQuestion).map((f) => row(f, item[f.id], `${path}.${index + 1}.${f.id}`, lang, words))),
  };
}

/** Every visible question that takes an answer, grouped as the resident met them. */
export function summariseAnswers(form: FormDefinition, answers: Answers, lang: FormLang, words: SummaryWords): SummaryGroup[] {
  return visibleGroups(form, answers).map((group, groupIndex) => ({
    groupIndex,
    groupId: group.id,
    title: pick(group.title, lang),
    rows: visibleQuestions(group, answers)
      .filter(isInputQuestion)
      .map((q) => row(q, answers[q.id], q.id, lang, words)),
  }));
}
