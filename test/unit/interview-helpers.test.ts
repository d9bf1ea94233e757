import { describe, expect, it } from 'vitest';
import { formSchema, type FormDefinition } from '../../kiosk-config/forms/form-schema';
import { validateAnswers } from '../../kiosk-config/forms/form-engine';
import type { CardIdentityPayload } from '../../electron/core/api/events';
import { summariseAnswers } from '../../renderer/intake/answer-summary';
import { applyIdentityPrefill, normaliseBirthDate } from '../../renderer/intake/identity-prefill';
import { firstGroupWithIssue, issueKey, issuesByPath, questionIdOfPath } from '../../renderer/intake/issue-paths';
import { maskAnswer, maskKindOf } from '../../renderer/intake/mask-kind';
import { formLang, pick } from '../../renderer/intake/form-text';

const tx = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const form: FormDefinition = formSchema.parse({
  id: 'sample',
  version: 1,
  service: 'mediation',
  title: tx('调解申请', 'Mediation request'),
  summary: tx('简介', 'Summary'),
  privacyNotice: { collected: tx('姓名', 'Name'), purpose: tx('调解', 'Mediation'), recipients: tx('调解员', 'Mediators'), retention: tx('三年', 'Three years') },
  nextSteps: tx('等待电话', 'Wait for a call'),
  groups: [
    {
      id: 'applicant',
      title: tx('申请人', 'Applicant'),
      questions: [
        { id: 'name', type: 'text', label: tx('姓名', 'Name'), required: true, personal: true, prefill: 'identity.name' },
        { id: 'idNumber', type: 'idNumber', label: tx('身份证号', 'ID number'), required: true, personal: true, prefill: 'identity.idNumber' },
        { id: 'sex', type: 'choice', label: tx('性别', 'Sex'), prefill: 'identity.sex', options: [{ value: 'male', label: tx('男', 'Male') }, { value: 'female', label: tx('女', 'Female') }] },
        { id: 'birthDate', type: 'date', label: tx('出生日期', 'Date of birth'), prefill: 'identity.birthDate' },
        { id: 'address', type: 'text', label: tx('住址', 'Address'), personal: true, prefill: 'identity.address' },
        { id: 'phone', type: 'phone', label: tx('电话', 'Phone'), required: true, personal: true },
      ],
    },
    {
      id: 'dispute',
      title: tx('纠纷', 'Dispute'),
      questions: [
        { id: 'kind', type: 'choice', label: tx('类型', 'Kind'), required: true, options: [{ value: 'neighbour', label: tx('邻里纠纷', 'Neighbours') }, { value: 'family', label: tx('婚姻家庭', 'Family') }] },
        { id: 'violence', type: 'yesNo', label: tx('是否有家暴', 'Violence?'), when: { question: 'kind', equals: 'family' } },
        { id: 'tried', type: 'multiChoice', label: tx('已尝试', 'Tried'), options: [{ value: 'talk', label: tx('协商', 'Talks') }, { value: 'police', label: tx('报警', 'Police') }] },
        { id: 'parties', type: 'repeat', label: tx('对方当事人', 'Other parties'), minItems: 1, fields: [{ id: 'name', type: 'text', label: tx('姓名', 'Name'), required: true, personal: true }, { id: 'phone', type: 'phone', label: tx('电话', 'Phone'), personal: true }] },
        { id: 'agree', type: 'consent', label: tx('同意', 'I agree') },
      ],
    },
  ],
});

const identity: CardIdentityPayload = {
  cardType: 'resident',
  name: '张三',
  sexCode: '1',
  birthDate: '19800101',
  address: '江苏省南京市示范县示范镇人民路1号',
  idNumber: '11010519491231002x',
  idNumberValid: true,
  authority: '示范县公安局',
  validFrom: '20200101',
  validUntil: '20400101',
  expired: false,
};

const words = { yes: '是', no: '否', accepted: '已同意' };

describe('identity prefill', () => {
  it('fills name, ID number (upper-cased), sex option, birth date and address from the card', () => {
    const { answers, filled } = applyIdentityPrefill(form, { phone: '13800138000' }, identity);
    expect(answers).toMatchObject({ name: '张三', idNumber: '11010519491231002X', sex: 'male', birthDate: '1980-01-01', address: '江苏省南京市示范县示范镇人民路1号', phone: '13800138000' });
    expect(filled.sort()).toEqual(['address', 'birthDate', 'idNumber', 'name', 'sex']);
  });

  it('a new card replaces what was typed; an unknown sex code leaves the answer alone', () => {
    const { answers, filled } = applyIdentityPrefill(form, { name: '李四', sex: 'female' }, { ...identity, sexCode: '9' });
    expect(answers.name).toBe('张三');
    expect(answers.sex).toBe('female');
    expect(filled).not.toContain('sex');
  });

  it('normalises card dates and keeps already shaped ones', () => {
    expect(normaliseBirthDate('19491231')).toBe('1949-12-31');
    expect(normaliseBirthDate('1949-12-31')).toBe('1949-12-31');
  });
});

describe('answer summary for the review page', () => {
  const answers = { name: '张三', phone: '13800138000', kind: 'family', violence: true, tried: ['talk', 'police'], parties: [{ name: '王五' }], agree: true };

  it('lists visible answers with labels and readable values in the chosen language', () => {
    const groups = summariseAnswers(form, answers, 'zh-CN', words);
    expect(groups.map((g) => [g.groupIndex, g.title])).toEqual([
      [0, '申请人'],
      [1, '纠纷'],
    ]);
    const rows = Object.fromEntries(groups.flatMap((g) => g.rows).map((r) => [r.questionId, r]));
    expect(rows.kind?.text).toBe('婚姻家庭');
    expect(rows.violence?.text).toBe('是');
    expect(rows.tried?.text).toBe('协商、报警');
    expect(rows.agree?.text).toBe('已同意');
    expect(rows.idNumber?.text).toBeNull();
    expect(rows.name?.personal).toBe(true);
    expect(rows.parties?.items?.[0]?.map((r) => [r.path, r.text])).toEqual([
      ['parties.1.name', '王五'],
      ['parties.1.phone', null],
    ]);
    expect(rows.parties?.personal).toBe(true);
  });

  it('hides answers of branches that no longer apply', () => {
    const groups = summariseAnswers(form, { ...answers, kind: 'neighbour' }, 'en', { yes: 'Yes', no: 'No', accepted: 'Agreed' });
    const ids = groups.flatMap((g) => g.rows.map((r) => r.questionId));
    expect(ids).not.toContain('violence');
    expect(groups[1]?.rows.find((r) => r.questionId === 'kind')?.text).toBe('Neighbours');
    expect(groups[1]?.rows.find((r) => r.questionId === 'tried')?.text).toBe('Talks, Police');
  });
});

describe('issue paths', () => {
  it('maps engine and core issues to fields and to the first group holding one', () => {
    const issues = validateAnswers(form, { name: '张三', idNumber: '110105194912310021', phone: '123', kind: 'family', parties: [{}] });
    const byPath = issuesByPath(issues);
    expect(byPath.get('idNumber')?.key).toBe('idNumber');
    expect(byPath.get('parties.1.name')?.key).toBe('required');
    expect(questionIdOfPath('parties.1.name')).toBe('parties');
    expect(firstGroupWithIssue(form.groups, [{ path: 'parties.1.name', key: 'validation.required' }])).toBe(1);
    expect(firstGroupWithIssue(form.groups, issues)).toBe(0);
    expect(firstGroupWithIssue(form.groups, [{ path: 'nothing', key: 'required' }])).toBe(-1);
    expect(issueKey({ path: 'x', key: 'required' })).toBe('validation.required');
    expect(issueKey({ path: 'x', key: 'validation.phone' })).toBe('validation.phone');
  });
});

describe('masking personal answers', () => {
  it('picks the rule by type, prefill source and id', () => {
    expect(maskKindOf({ id: 'idNumber', type: 'idNumber' })).toBe('idNumber');
    expect(maskKindOf({ id: 'applicantName', type: 'text' })).toBe('name');
    expect(maskKindOf({ id: 'home', type: 'text', prefill: 'identity.address' })).toBe('address');
    expect(maskAnswer({ id: 'idNumber', type: 'idNumber' }, '320102198001011234')).toBe('3201**********1234');
    expect(maskAnswer({ id: 'name', type: 'text', prefill: 'identity.name' }, '张三')).toBe('张*');
    expect(maskAnswer({ id: 'mobile', type: 'phone' }, '13800138000')).toBe('138****8000');
  });
});

describe('form text and strings', () => {
  it('picks the form text by i18n language', () => {
    expect(formLang('en')).toBe('en');
    expect(formLang('en-US')).toBe('en');
    expect(formLang('zh-CN')).toBe('zh-CN');
    expect(pick(tx('是', 'Yes'), 'en')).toBe('Yes');
    expect(pick(undefined, 'en')).toBe('');
  });
});
