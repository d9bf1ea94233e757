import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LOCALES = resolve(import.meta.dirname, '../../renderer/i18n/locales');

function flatKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatKeys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort() : [];
}

function valueAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), obj);
}

const areas = [...new Set(readdirSync(LOCALES).map((f) => /^([\w-]+)\.(zh-CN|en)\.json$/.exec(f)?.[1]).filter((a): a is string => Boolean(a)))].sort();

describe('i18n resources: zh-CN and en have the same keys', () => {
  it('finds the resource areas', () => {
    expect(areas).toEqual(expect.arrayContaining(['common', 'errors', 'validation']));
  });

  for (const area of areas) {
    it(`${area}: same keys, no empty strings, same placeholders`, () => {
      const zh = JSON.parse(readFileSync(join(LOCALES, `${area}.zh-CN.json`), 'utf8')) as unknown;
      const en = JSON.parse(readFileSync(join(LOCALES, `${area}.en.json`), 'utf8')) as unknown;
      const zhKeys = flatKeys(zh).sort();
      const enKeys = flatKeys(en).sort();
      expect({ missingInEn: zhKeys.filter((k) => !enKeys.includes(k)), missingInZh: enKeys.filter((k) => !zhKeys.includes(k)) }).toEqual({ missingInEn: [], missingInZh: [] });
      for (const key of zhKeys) {
        expect(String(valueAt(zh, key)).trim(), `${area}.${key} (zh-CN)`).not.toBe('');
        expect(String(valueAt(en, key)).trim(), `${area}.${key} (en)`).not.toBe('');
        expect(placeholders(valueAt(en, key)), `${area}.${key} placeholders`).toEqual(placeholders(valueAt(zh, key)));
      }
    });
  }

  it('every API error code has a message in both languages', async () => {
    const { API_ERROR_CODES } = await import('../../electron/core/api/api-error');
    for (const lang of ['zh-CN', 'en']) {
      const errors = JSON.parse(readFileSync(join(LOCALES, `errors.${lang}.json`), 'utf8')) as Record<string, string>;
      expect(Object.keys(errors).sort()).toEqual([...API_ERROR_CODES].sort());
    }
  });
});
