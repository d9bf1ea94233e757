import type { LocalizedText } from '../../kiosk-config/site-schema';

/** Form files carry every text in both languages; the screen shows the one i18n is set to. */
export type FormLang = 'zh-CN' | 'en';

export function formLang(language: string | undefined): FormLang {
  return language === 'en' || language?.startsWith('en-') ? 'en' : 'zh-CN';
}

export function pick(text: LocalizedText | undefined, lang: FormLang): string {
  if (!text) return '';
  return text[lang] || text['zh-CN'];
}
