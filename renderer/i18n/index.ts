import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Resources are split by area (`locales/<area>.<lang>.json`) so each part of the app keeps its
 * own strings; they merge into one namespace under the area name: t('kiosk.home.title').
 * test/unit/i18n-parity.test.ts fails when a key exists in one language only.
 */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const files = import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' });

export function buildResources(): Record<Lang, { translation: Record<string, unknown> }> {
  const resources: Record<Lang, { translation: Record<string, unknown> }> = { 'zh-CN': { translation: {} }, en: { translation: {} } };
  for (const [path, data] of Object.entries(files)) {
    const match = /\/([\w-]+)\.(zh-CN|en)\.json$/.exec(path);
    if (!match) continue;
    const [, area, lang] = match as unknown as [string, string, Lang];
    resources[lang].translation[area] = data;
  }
  return resources;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: 'zh-CN',
  fallbackLng: false,
  supportedLngs: [...LANGS],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
