import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from '../desk-api';

export function StatusBadge(props: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return <span className={`desk-badge desk-badge-${props.status}`}>{t(`desk.status.${props.status}`)}</span>;
}
