import { z } from 'zod';
import { localizedText } from '../site-schema';

/**
 * Interviews as data: a form file (kiosk-config/forms/*.yaml) declares its questions, checks and
 * branches; the kiosk and the desk render it, the core validates submissions against it. No form
 * is a hand-built screen.
 */

/** A branch condition on earlier answers. */
export type Condition =
  | { question: string; equals?: string | boolean | number; in?: (string | number)[]; notEquals?: string | boolean | number; answered?: boolean; includes?: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z
      .object({
        question: z.string().min(1),
        equals: z.union([z.string(), z.boolean(), z.number()]).optional(),
        notEquals: z.union([z.string(), z.boolean(), z.number()]).optional(),
        in: z.array(z.union([z.string(), z.number()])).optional(),
        answered: z.boolean().optional(),
        /** For multi-choice answers: the list contains this value. */
        includes: z.string().optional(),
      })
      .strict(),
  ]),
);

export const QUESTION_TYPES = [
  'text', // one line
  'textarea', // several lines (facts, requests)
  'phone', // mainland mobile or landline, numeric pad
  'idNumber', // citizen ID number (GB 11643 checked), numeric pad with X
  'date', // YYYY-MM-DD
  'number',
  'choice', // one of options
  'multiChoice', // any of options
  'yesNo',
  'checklist', // materials the resident has (ticks, never required)
  'notice', // text only; shown when its condition holds
  'consent', // must be accepted (true) to go on
  'repeat', // a list of sub-records (other parties)
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const PREFILL_SOURCES = ['identity.name', 'identity.idNumber', 'identity.address', 'identity.sex', 'identity.birthDate'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

const optionSchema = z.object({ value: z.string().min(1), label: localizedText, help: localizedText.optional() }).strict();
export type FormOption = z.infer<typeof optionSchema>;

const baseQuestion = {
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'letters, digits and _ only'),
  label: localizedText,
  help: localizedText.optional(),
  required: z.boolean().default(false),
  /** Personal data: encrypted at rest, masked on screen until revealed (audited). */
  personal: z.boolean().default(false),
  when: conditionSchema.optional(),
  prefill: z.enum(PREFILL_SOURCES).optional(),
  /**
   * Marks the applicant's full name or ID number for the staff inbox (masked column, HMAC blind
   * index for exact search). Questions prefilled from the ID card count without it.
   */
  indexAs: z.enum(['name', 'idNumber']).optional(),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().positive().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** A regular expression the text answer must match, with the message shown when it does not. */
  pattern: z.string().optional(),
  patternMessage: localizedText.optional(),
  options: z.array(optionSchema).optional(),
  /** Notice tone for 'notice' questions. */
  tone: z.enum(['info', 'success', 'warning']).optional(),
};

export interface Question {
  id: string;
  type: QuestionType;
  label: z.infer<typeof localizedText>;
  help?: z.infer<typeof localizedText>;
  required: boolean;
  personal: boolean;
  when?: Condition;
  prefill?: PrefillSource;
  indexAs?: 'name' | 'idNumber';
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  pattern?: string;
  patternMessage?: z.infer<typeof localizedText>;
  options?: FormOption[];
  tone?: 'info' | 'success' | 'warning';
  /** For 'repeat': the fields of each item, and how many items. */
  fields?: Question[];
  minItems?: number;
  maxItems?: number;
}

export const questionSchema: z.ZodType<Question, z.input<z.ZodObject<typeof baseQuestion>> & { type: QuestionType; fields?: unknown[]; minItems?: number; maxItems?: number }> = z.lazy(() =>
  z
    .object({
      ...baseQuestion,
      type: z.enum(QUESTION_TYPES),
      fields: z.array(questionSchema).optional(),
      minItems: z.number().int().min(0).optional(),
      maxItems: z.number().int().positive().optional(),
    })
    .strict()
    .superRefine((q, ctx) => {
      if ((q.type === 'choice' || q.type === 'multiChoice' || q.type === 'checklist') && !(q.options && q.options.length > 0)) {
        ctx.addIssue({ code: 'custom', message: `${q.type} question "${q.id}" needs options` });
      }
      if (q.type === 'repeat' && !(q.fields && q.fields.length > 0)) ctx.addIssue({ code: 'custom', message: `repeat question "${q.id}" needs fields` });
      if (q.pattern !== undefined) {
        try {
          new RegExp(q.pattern, 'u');
        } catch {
          ctx.addIssue({ code: 'custom', message: `question "${q.id}" has an invalid pattern` });
        }
      }
    }),
) as never;

export const groupSchema = z
  .object({
    id: z.string().min(1),
    title: localizedText,
    help: localizedText.optional(),
    when: conditionSchema.optional(),
    questions: z.array(questionSchema).min(1),
  })
  .strict();
export type QuestionGroup = z.infer<typeof groupSchema>;

export const formSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.number().int().positive(),
    /** Which kiosk service tile opens it. */
    service: z.enum(['legalAid', 'mediation', 'reconsideration', 'legislativeOpinion']),
    title: localizedText,
    summary: localizedText,
    /** Shown before any personal data is entered (PIPL); the resident must accept. */
    privacyNotice: z
      .object({
        collected: localizedText,
        purpose: localizedText,
        recipients: localizedText,
        retention: localizedText,
      })
      .strict(),
    /** Shown on the review page and the receipt, e.g. "this is a pre-screen; the office decides". */
    disclaimer: localizedText.optional(),
    /** What happens next, shown with the receipt. */
    nextSteps: localizedText,
    groups: z.array(groupSchema).min(1),
  })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    for (const group of form.groups) {
      for (const q of group.questions) {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', message: `question id "${q.id}" is used twice` });
        seen.add(q.id);
      }
    }
  });
export type FormDefinition = z.infer<typeof formSchema>;

/** A repeat item: field id -> value. */
export type RepeatItem = Record<string, string | boolean | string[]>;
export type AnswerValue = string | boolean | number | string[] | RepeatItem[];
export type Answers = Record<string, AnswerValue | undefined>;
