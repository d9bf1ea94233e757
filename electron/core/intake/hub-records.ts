import type { Answers, FormDefinition } from '../../../kiosk-config/forms/form-schema';
import type { FieldCipher } from '../crypto/field-cipher';
import { isIdNumberQuestion, isNameQuestion, maskName } from './masking';

/** A submission split for storage at the hub: public answers in clear, personal ones sealed. */
export interface HubRecord {
  answersPublic: string;
  personal: Buffer | null;
  applicantMasked: string;
  nameIndex: string | null;
  idIndex: string | null;
  service: string | null;
}

export function personalAad(id: string): string {
  return `hub_submissions:${id}`;
}

/**
 * Splits answers by the form's `personal` flags. An unknown form (a kiosk running a newer form
 * set) seals everything: better unreadable at a glance than exposed.
 */
export function toHubRecord(form: FormDefinition | undefined, answers: Answers, id: string, cipher: FieldCipher): HubRecord {
  const publicAnswers: Answers = {};
  const personal: Answers = {};
  let name: string | undefined;
  let idNumber: string | undefined;
  const byId = new Map(form ? form.groups.flatMap((g) => g.questions.map((q) => [q.id, q] as const)) : []);
  for (const [qid, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const q = byId.get(qid);
    const isPersonal = !q || q.personal || (q.fields ?? []).some((f) => f.personal);
    if (isPersonal) personal[qid] = value;
    else publicAnswers[qid] = value;
    if (q && typeof value === 'string' && value.trim()) {
      if (name === undefined && isNameQuestion(q)) name = value;
      if (idNumber === undefined && isIdNumberQuestion(q)) idNumber = value;
    }
  }
  return {
    answersPublic: JSON.stringify(publicAnswers),
    personal: Object.keys(personal).length > 0 ? cipher.encryptJson(personal, personalAad(id)) : null,
    applicantMasked: name ? maskName(name) : '',
    nameIndex: name ? cipher.blindIndex('name', name) : null,
    idIndex: idNumber ? cipher.blindIndex('idNumber', idNumber) : null,
    service: form?.service ?? null,
  };
}
