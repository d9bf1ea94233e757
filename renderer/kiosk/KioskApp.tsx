import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../ui/system-info';

/** Placeholder until the kiosk screens land. */
export default function KioskApp() {
  const { t, i18n } = useTranslation();
  const info = useSystemInfo();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <main className="app-message" data-testid="kiosk-home">
      <h1>{info.office.name[lang]}</h1>
      <button type="button" onClick={() => void i18n.changeLanguage(lang === 'en' ? 'zh-CN' : 'en')}>
        {lang === 'en' ? t('common.switchToChinese') : t('common.switchToEnglish')}
      </button>
    </main>
  );
}
