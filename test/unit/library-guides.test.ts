import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGuides, parseGuide, GuideFileError } from '../../electron/core/content/guide-pack';
import { buildTakeAwayText, TAKE_AWAY_MAX_BYTES } from '../../electron/core/content/take-away-text';
import { guidesHandlers } from '../../electron/core/content/guides-api';
import { ApiError } from '../../electron/core/api/api-error';
import { DEFAULT_CONTENT_DIR } from '../../electron/core/library/content-pack';
import { DEMO_SITE_FILE, loadSiteFile } from '../../kiosk-config/load-site';

const GUIDES_DIR = join(DEFAULT_CONTENT_DIR, 'guides');
const REQUIRED = ['legal-aid', 'people-mediation', 'admin-reconsideration', 'notary-appraisal-referral', 'community-corrections-reporting', 'resettlement-help', 'legislative-opinion'];
const site = loadSiteFile(DEMO_SITE_FILE);

describe('service guide content pack', () => {
  const { guides, errors } = loadGuides(GUIDES_DIR);

  it('loads every shipped guide without errors, free of charge, in both languages', () => {
    expect(errors).toEqual([]);
    expect(guides.map((g) => g.id).sort()).toEqual([...REQUIRED].sort());
    for (const g of guides) {
      expect(g.cost['zh-CN']).toBe('免费');
      expect(g.body['zh-CN'].length).toBeGreaterThan(50);
      expect(g.body.en.length).toBeGreaterThan(50);
    }
  });

  it('builds take-away text under the QR budget in both languages, with office phone and hours', () => {
    for (const g of guides) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = buildTakeAwayText(g, site.office, lang);
        expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(TAKE_AWAY_MAX_BYTES);
        expect(text).toContain(site.office.phone);
        expect(text).toContain(g.title[lang]);
      }
    }
    const zh = buildTakeAwayText(guides.find((g) => g.id === 'legal-aid')!, site.office, 'zh-CN');
    expect(zh).toContain('身份证');
    expect(zh).toContain('免费');
  });

  it('shortens a guide whose lists are too long for a QR code', () => {
    const base = guides[0]!;
    const huge = { ...base, steps: Array.from({ length: 20 }, (_, i) => ({ 'zh-CN': `第${i}步：${'很长的说明'.repeat(20)}`, en: `Step ${i}: ${'long text '.repeat(20)}` })) };
    const text = buildTakeAwayText(huge, site.office, 'zh-CN');
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(TAKE_AWAY_MAX_BYTES);
    expect(text).toContain(site.office.phone);
  });

  it('serves list and detail through the handlers; an unknown id is not_found', () => {
    const handlers = guidesHandlers(guides, site);
    const list = handlers.guidesList();
    expect(list.map((g) => g.id)).toContain('legal-aid');
    expect(list[0]).toEqual({ id: list[0]!.id, title: expect.any(Object), category: expect.any(Object), summary: expect.any(Object) });
    const legalAid = handlers.guideGet({ id: 'legal-aid' });
    expect(legalAid.hours).toEqual(site.office.hours);
    expect(legalAid.materials.length).toBeGreaterThan(0);
    expect(legalAid.body['zh-CN']).toContain('法律援助');
    expect(() => handlers.guideGet({ id: 'nope' })).toThrow(ApiError);
    try {
      handlers.guideGet({ id: 'nope' });
    } catch (error) {
      expect((error as ApiError).code).toBe('not_found');
    }
  });
});

describe('broken guide files', () => {
  const good = readFileSync(join(GUIDES_DIR, 'people-mediation.md'), 'utf8');
  const en = readFileSync(join(GUIDES_DIR, 'people-mediation.en.md'), 'utf8');

  it('names the file and the field that is wrong', () => {
    const broken = good.replace(/cost: \{ zh-CN: 免费, en: Free \}/, 'cost: { zh-CN: 50元, en: 50 yuan }');
    expect(() => parseGuide(broken, en, '/x/people-mediation.md')).toThrow(GuideFileError);
    expect(() => parseGuide(broken, en, '/x/people-mediation.md')).toThrow(/people-mediation\.md: field "cost\.zh-CN"/);
    const noMaterials = good.replace(/materials:[\s\S]*?steps:/, 'steps:');
    expect(() => parseGuide(noMaterials, en, '/x/people-mediation.md')).toThrow(/field "materials"/);
    const typo = good.replace('whoMayApply:', 'whoMayAply:');
    expect(() => parseGuide(typo, en, '/x/people-mediation.md')).toThrow(/field "whoMayAply"/);
  });

  it('requires the English body and a matching id, and leaves a broken file out of the pack', () => {
    expect(() => parseGuide(good, null, '/x/people-mediation.md')).toThrow(/people-mediation\.en\.md: field "body"/);
    expect(() => parseGuide(good, en, '/x/mediation.md')).toThrow(/field "id"/);
    const dir = mkdtempSync(join(tmpdir(), 'guides-'));
    writeFileSync(join(dir, 'people-mediation.md'), good);
    writeFileSync(join(dir, 'people-mediation.en.md'), en);
    writeFileSync(join(dir, 'legal-aid.md'), '---\nid: legal-aid\n---\n正文');
    const { guides, errors } = loadGuides(dir);
    expect(guides.map((g) => g.id)).toEqual(['people-mediation']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.file).toBe(join(dir, 'legal-aid.md'));
    expect(errors[0]?.message).toMatch(/legal-aid\.md: field "\w+"/);
  });
});
