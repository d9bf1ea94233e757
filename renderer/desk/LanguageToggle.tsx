import { useTranslation } from 'react-i18next';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <button type="button" className="desk-btn desk-btn-quiet" lang={english ? 'zh-CN' : 'en'} onClick={() => void i18n.changeLanguage(english ? 'zh-CN' : 'en')}>
      {english ? t('common.switchToChinese') : t('common.switchToEnglish')}
    </button>
  );
}
