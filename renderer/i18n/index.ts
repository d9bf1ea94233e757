import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { idcardMessages } from '../../native-bridges/idcard/messages';

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
  // The reader bridge keeps its own flat messages ('idcard.error.no-card'); mount them as nested keys.
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(idcardMessages[lang])) setPath(resources[lang].translation, key.split('.'), text);
  }
  return resources;
}

function setPath(target: Record<string, unknown>, path: string[], value: string): void {
  let node = target;
  for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
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

// Screen readers and the CJK font choice follow the page language.
i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});
