import { useTranslation } from 'react-i18next';

/** Remote visitation has its own issue; until then this role shows what it is. */
export default function VisitApp() {
  const { t } = useTranslation();
  return <main className="app-message" data-testid="visit-home">{t('common.visitComingSoon')}</main>;
}
