import { Component, lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { withAreas } from '../../i18n';
import { BigButton } from '../../ui/big-button';
import { useCardIdentity, useCardWatch } from '../card-identity';
import { useKioskNav } from '../kiosk-nav';
import { INTAKE_FORM, type IntakeService } from '../kiosk-route';

// The interview (forms engine, questions, review, its strings) is its own chunk: home paints without it.
const InterviewScreen = lazy(() => withAreas(['intake'], import('../../intake/InterviewScreen')));
const ResumeDraftScreen = lazy(() => withAreas(['intake'], import('../../intake/ResumeDraftScreen')));

class IntakeBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** Loading and failure around an interview chunk, the same for a new application and a resumed one. */
function InterviewFrame({ testId, children }: { testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const nav = useKioskNav();
  const failed = (
    <div className="screen-status screen-status--error" role="alert">
      <p>{t('errors.internal')}</p>
      <BigButton onClick={nav.home}>{t('common.home')}</BigButton>
    </div>
  );
  return (
    <section className="screen screen--intake" data-testid={testId}>
      <IntakeBoundary fallback={failed}>
        <Suspense
          fallback={
            <p className="screen-status" role="status">
              <span className="spinner" aria-hidden="true" />
              {t('common.loading')}
            </p>
          }
        >
          {children}
        </Suspense>
      </IntakeBoundary>
    </section>
  );
}

/** 申请法律援助 / 人民调解 / 行政复议咨询 / 立法意见征集: the interview, with the session's card identity. */
export function IntakeScreen({ service }: { service: IntakeService }) {
  const nav = useKioskNav();
  const { identity } = useCardIdentity();
  useCardWatch(true);
  return (
    <InterviewFrame testId={`intake-${service}`}>
      <InterviewScreen formId={INTAKE_FORM[service]} variant="kiosk" onExit={nav.home} identity={identity} />
    </InterviewFrame>
  );
}

/** 继续填写: the pickup code, then the paused interview where it was left. */
export function ResumeScreen() {
  const nav = useKioskNav();
  const { identity } = useCardIdentity();
  return (
    <InterviewFrame testId="intake-resume">
      <ResumeDraftScreen variant="kiosk" onExit={nav.home} identity={identity} />
    </InterviewFrame>
  );
}
