import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { FormCatalog, FormConfigError, parseFormFile } from '../../electron/core/intake/form-catalog';
import { pruneAnswers, validateAnswers, visibleGroups } from '../../kiosk-config/forms/form-engine';
import { legalAidAnswers, mediationAnswers } from '../integration/fixtures/intake-data';

const FORMS = resolve(import.meta.dirname, '../../kiosk-config/forms');
const catalog = FormCatalog.load(FORMS);
const legalAid = catalog.get('legal-aid');
if (!legalAid) throw new Error('legal-aid form missing');

describe('shipped forms', () => {
  it('all load, in both languages', () => {
    expect(catalog.list().map((f) => f.id).sort()).toEqual(['legal-aid', 'legislative-opinion', 'mediation', 'reconsideration']);
    for (const form of catalog.list()) {
      const texts = JSON.stringify(form);
      expect(texts).toContain('"zh-CN"');
      expect(texts).toContain('"en"');
    }
  });

  it('lists the nine matters of Legal Aid Law art. 31', () => {
    const matter = legalAid.groups.flatMap((g) => g.questions).find((q) => q.id === 'matterType');
    expect(matter?.options).toHaveLength(9);
  });

  it('asks for the economic statement only when the hardship test applies', () => {
    const applies = legalAidAnswers();
    expect(validateAnswers(legalAid, applies)).toEqual([]);
    expect(visibleGroups(legalAid, applies).map((g) => g.id)).toContain('economic');

    const waived = legalAidAnswers({ specialSituation: 'abuseVictim' });
    expect(visibleGroups(legalAid, waived).map((g) => g.id)).not.toContain('economic');
    const pruned = pruneAnswers(legalAid, waived);
    expect(pruned).not.toHaveProperty('monthlyIncome');
    expect(pruned).not.toHaveProperty('exemptStatus');
    expect(validateAnswers(legalAid, waived)).toEqual([]);

    const exempt = legalAidAnswers({ exemptStatus: 'subsistenceAllowance' });
    expect(pruneAnswers(legalAid, exempt)).not.toHaveProperty('householdSize');
  });

  it('names the field and the reason of an invalid answer', () => {
    expect(validateAnswers(legalAid, legalAidAnswers({ applicantIdNumber: '320102195607041230' }))).toEqual([{ path: 'applicantIdNumber', key: 'idNumber' }]);
    const mediation = catalog.get('mediation');
    if (!mediation) throw new Error('mediation form missing');
    expect(validateAnswers(mediation, mediationAnswers({ otherParties: [{ name: '', relationship: 'neighbour' }] }))).toEqual([{ path: 'otherParties.1.name', key: 'required' }]);
    expect(validateAnswers(mediation, mediationAnswers({ consentMediation: false }))).toEqual([{ path: 'consentMediation', key: 'consentRequired' }]);
  });
});

describe('a bad form file', () => {
  it('is refused with the file and the field path', () => {
    const text = 'id: broken\nversion: 1\nservice: mediation\ntitle: { zh-CN: 坏, en: Bad }\nsummary: { zh-CN: 坏, en: Bad }\nprivacyNotice: { collected: { zh-CN: a, en: a }, purpose: { zh-CN: a, en: a }, recipients: { zh-CN: a, en: a }, retention: { zh-CN: a, en: a } }\nnextSteps: { zh-CN: a, en: a }\ngroups:\n  - id: g\n    title: { zh-CN: a, en: a }\n    questions:\n      - { id: q1, type: choice, label: { zh-CN: a } }\n';
    try {
      parseFormFile(join(FORMS, 'broken.yaml'), text);
      throw new Error('expected a FormConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(FormConfigError);
      const problems = (error as FormConfigError).problems;
      expect(problems.every((p) => p.file.endsWith('broken.yaml'))).toBe(true);
      expect(problems.map((p) => p.field)).toContain('groups.0.questions.0.label.en');
    }
  });
});
