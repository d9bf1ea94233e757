import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../../ui/big-button';
import { useCardIdentity, useCardWatch } from '../card-identity';
import { useKioskNav } from '../kiosk-nav';
import { INTAKE_FORM, type IntakeService } from '../kiosk-route';

// The interview (forms engine, questions, review) is its own chunk: home paints without it.
const InterviewScreen = lazy(() => import('../../intake/InterviewScreen'));

class IntakeBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** 申请法律援助 / 人民调解 / 行政复议咨询 / 立法意见征集: the interview, with the session's card identity. */
export function IntakeScreen({ service }: { service: IntakeService }) {
  const { t } = useTranslation();
  const nav = useKioskNav();
  const { identity } = useCardIdentity();
  useCardWatch(true);
  const failed = (
    <div className="screen-status screen-status--error" role="alert">
      <p>{t('errors.internal')}</p>
      <BigButton onClick={nav.home}>{t('common.home')}</BigButton>
    </div>
  );
  return (
    <section className="screen screen--intake" data-testid={`intake-${service}`}>
      <IntakeBoundary fallback={failed}>
        <Suspense
          fallback={
            <p className="screen-status" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('common.loading')}
            </p>
          }
        >
          <InterviewScreen formId={INTAKE_FORM[service]} variant="kiosk" onExit={nav.home} identity={identity} />
        </Suspense>
      </IntakeBoundary>
    </section>
  );
}
