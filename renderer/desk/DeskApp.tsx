import { useTranslation } from 'react-i18next';

/** Placeholder until the desk screens land. */
export default function DeskApp() {
  const { t } = useTranslation();
  return <main className="app-message" data-testid="desk-home">{t('common.appName')}</main>;
}
