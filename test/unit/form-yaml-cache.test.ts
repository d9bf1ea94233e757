import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FormCatalog, FormConfigError } from '../../electron/core/intake/form-catalog';

const FORMS = resolve(import.meta.dirname, '../../kiosk-config/forms');

function copyOfForms(): { forms: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'sifa-form-cache-'));
  cpSync(FORMS, join(root, 'forms'), { recursive: true });
  return { forms: join(root, 'forms'), cache: join(root, 'cache') };
}

describe('form YAML cache', () => {
  it('gives the same forms from the cache as from the YAML', () => {
    const { forms, cache } = copyOfForms();
    const fresh = FormCatalog.load(forms);
    FormCatalog.load(forms, { cacheDir: cache });
    expect(readdirSync(cache)).toHaveLength(readdirSync(forms).filter((f) => f.endsWith('.yaml')).length);
    expect(FormCatalog.load(forms, { cacheDir: cache }).list()).toEqual(fresh.list());
  });

  it('still validates what comes from the cache, naming the file', () => {
    const { forms, cache } = copyOfForms();
    FormCatalog.load(forms, { cacheDir: cache });
    // Whatever is in the cache goes through the schema: a damaged entry cannot pass as a form.
    for (const name of readdirSync(cache)) writeFileSync(join(cache, name), JSON.stringify({ id: 'x' }));
    let error: unknown;
    try {
      FormCatalog.load(forms, { cacheDir: cache });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormConfigError);
    expect((error as FormConfigError).problems[0]?.file).toMatch(/\.yaml$/);
  });

  it('ignores an unreadable entry and follows edits to a file', () => {
    const { forms, cache } = copyOfForms();
    FormCatalog.load(forms, { cacheDir: cache });
    const [first] = readdirSync(cache);
    writeFileSync(join(cache, first as string), '{not json');
    expect(FormCatalog.load(forms, { cacheDir: cache }).get('legal-aid')).toBeDefined();

    const file = join(forms, 'mediation.yaml');
    const before = new Set(readdirSync(cache));
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^version: \d+$/m, 'version: 99'));
    expect(FormCatalog.load(forms, { cacheDir: cache }).get('mediation')?.version).toBe(99);
    const after = readdirSync(cache);
    expect(after).toHaveLength(before.size);
    expect(after.filter((n) => !before.has(n))).toHaveLength(1);
  });
});
