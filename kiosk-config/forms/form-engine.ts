import type { Answers, AnswerValue, Condition, FormDefinition, Question, QuestionGroup, RepeatItem } from './form-schema';
import type { LocalizedText } from '../site-schema';
import { isValidIdNumber } from '../../native-bridges/idcard/identity';

/**
 * Pure rules of the interview: which groups and questions apply to the answers so far, and what
 * is wrong with an answer. The kiosk, the desk and the core all use these, so a branch the
 * resident sees is exactly the branch the core validates.
 */

export interface FieldIssue {
  /** Question id, or `parties.1.name` inside a repeat. */
  path: string;
  /** i18n key under `validation.`; patternMessage wins when present. */
  key: string;
  params?: Record<string, string | number>;
  message?: LocalizedText;
}

export function evaluateCondition(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers));
  if ('not' in condition) return !evaluateCondition(condition.not, answers);
  const value = answers[condition.question];
  if (condition.answered !== undefined && isAnswered(value) !== condition.answered) return false;
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.notEquals !== undefined && value === condition.notEquals) return false;
  if (condition.in !== undefined && !condition.in.some((v) => v === value)) return false;
  if (condition.includes !== undefined && !(Array.isArray(value) && (value as unknown[]).includes(condition.includes))) return false;
  return true;
}

export function visibleGroups(form: FormDefinition, answers: Answers): QuestionGroup[] {
  return form.groups.filter((g) => evaluateCondition(g.when, answers) && visibleQuestions(g, answers).length > 0);
}

export function visibleQuestions(group: QuestionGroup, answers: Answers): Question[] {
  return group.questions.filter((q) => evaluateCondition(q.when, answers));
}

/** Questions that collect answers (notices only show text). */
export function isInputQuestion(q: Question): boolean {
  return q.type !== 'notice';
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Only answers to questions that are visible now; hidden branches are dropped, not stored. Runs
 * to a fixed point: a stale answer in a hidden branch must not keep another branch open.
 */
export function pruneAnswers(form: FormDefinition, answers: Answers): Answers {
  let current = answers;
  // Each round only removes answers, so this ends after at most one round per question.
  for (;;) {
    const kept = pruneOnce(form, current);
    if (Object.keys(kept).length === Object.keys(current).length) return kept;
    current = kept;
  }
}

function pruneOnce(form: FormDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const group of visibleGroups(form, answers)) {
    for (const q of visibleQuestions(group, answers)) {
      const value = answers[q.id];
      if (!isInputQuestion(q) || value === undefined) continue;
      kept[q.id] = q.type === 'repeat' && Array.isArray(value) ? pruneRepeat(q, value) : value;
    }
  }
  return kept;
}

/** Repeat items keep only the fields the form declares. */
function pruneRepeat(q: Question, items: AnswerValue & unknown[]): AnswerValue {
  const ids = (q.fields ?? []).map((f) => f.id);
  return items.map((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const out: RepeatItem = {};
    for (const id of ids) {
      const v = (item as RepeatItem)[id];
      if (v !== undefined) out[id] = v;
    }
    return out;
  }) as AnswerValue;
}

export function validateGroup(group: QuestionGroup, answers: Answers): FieldIssue[] {
  return visibleQuestions(group, answers).flatMap((q) => validateQuestion(q, answers[q.id], q.id));
}

/** Validates what would be stored: visibility is judged on the pruned answers. */
export function validateAnswers(form: FormDefinition, answers: Answers): FieldIssue[] {
  return checkAnswers(form, answers).issues;
}

/** One pass for a submit: what would be stored, and what is wrong with it. */
export function checkAnswers(form: FormDefinition, answers: Answers): { pruned: Answers; issues: FieldIssue[] } {
  const pruned = pruneAnswers(form, answers);
  return { pruned, issues: visibleGroups(form, pruned).flatMap((g) => validateGroup(g, pruned)) };
}

export function validateQuestion(q: Question, value: AnswerValue | undefined, path: string): FieldIssue[] {
  if (!isInputQuestion(q)) return [];
  if (!isAnswered(value)) {
    if (q.type === 'consent') return [{ path, key: 'consentRequired' }];
    if (q.type === 'repeat' && (q.minItems ?? 0) > 0) return [{ path, key: 'minItems', params: { limit: q.minItems ?? 0 } }];
    return q.required ? [{ path, key: 'required' }] : [];
  }
  switch (q.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? checkText(q, value, path) : [{ path, key: 'invalid' }];
    case 'phone':
      return typeof value === 'string' && PHONE.test(value.replace(/[\s-]/g, '')) ? [] : [{ path, key: 'phone' }];
    case 'idNumber':
      return typeof value === 'string' && isValidIdNumber(value) ? [] : [{ path, key: 'idNumber' }];
    case 'date':
      return typeof value === 'string' && isValidDate(value) ? checkRange(q, Date.parse(value), path, true) : [{ path, key: 'date' }];
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? checkRange(q, n, path, false) : [{ path, key: 'number' }];
    }
    case 'choice':
      return typeof value === 'string' && (q.options ?? []).some((o) => o.value === value) ? [] : [{ path, key: 'choice' }];
    case 'multiChoice':
    case 'checklist':
      return Array.isArray(value) && (value as unknown[]).every((v) => typeof v === 'string' && (q.options ?? []).some((o) => o.value === v)) ? [] : [{ path, key: 'choice' }];
    case 'yesNo':
      return typeof value === 'boolean' ? [] : [{ path, key: 'choice' }];
    case 'consent':
      return value === true ? [] : [{ path, key: 'consentRequired' }];
    case 'repeat':
      return checkRepeat(q, value as AnswerValue, path);
    default:
      return [];
  }
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}\d{7,8}|\d{7,8})$/;

function checkText(q: Question, value: string, path: string): FieldIssue[] {
  const text = value.trim();
  const length = [...text].length;
  if (q.minLength !== undefined && length < q.minLength) return [{ path, key: 'tooShort', params: { limit: q.minLength } }];
  if (q.maxLength !== undefined && length > q.maxLength) return [{ path, key: 'tooLong', params: { limit: q.maxLength } }];
  if (q.pattern !== undefined && !patternOf(q.pattern).test(text)) return [{ path, key: 'format', message: q.patternMessage }];
  return [];
}

const patterns = new Map<string, RegExp>();

/** Form patterns are few and fixed: compile each once. */
function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source, 'u');
    patterns.set(source, re);
  }
  return re;
}

function checkRange(q: Question, n: number, path: string, isDate: boolean): FieldIssue[] {
  if (!isDate && q.min !== undefined && n < q.min) return [{ path, key: 'tooSmall', params: { limit: q.min } }];
  if (!isDate && q.max !== undefined && n > q.max) return [{ path, key: 'tooBig', params: { limit: q.max } }];
  return [];
}

function checkRepeat(q: Question, value: AnswerValue, path: string): FieldIssue[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) return [{ path, key: 'invalid' }];
  const items = value as RepeatItem[];
  if (q.minItems !== undefined && items.length < q.minItems) return [{ path, key: 'minItems', params: { limit: q.minItems } }];
  if (q.maxItems !== undefined && items.length > q.maxItems) return [{ path, key: 'maxItems', params: { limit: q.maxItems } }];
  return items.flatMap((item, index) => (q.fields ?? []).flatMap((field) => validateQuestion(field, item[field.id], `${path}.${index + 1}.${field.id}`)));
}

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** GB 11643-1999 (digits, birth date, ISO 7064 MOD 11-2 check character): one rule, kept with the card reader. */
export { isValidIdNumber } from '../../native-bridges/idcard/identity';

/** Question ids (top level) that hold personal data, including repeats with a personal field. */
export function personalQuestionIds(form: FormDefinition): Set<string> {
  const ids = new Set<string>();
  for (const group of form.groups) {
    for (const q of group.questions) {
      if (q.personal || (q.fields ?? []).some((f) => f.personal)) ids.add(q.id);
    }
  }
  return ids;
}

/** 0..1 progress through the visible groups. */
export function progress(form: FormDefinition, answers: Answers, groupIndex: number): number {
  const total = visibleGroups(form, answers).length;
  return total === 0 ? 1 : Math.min(1, groupIndex / total);
}
