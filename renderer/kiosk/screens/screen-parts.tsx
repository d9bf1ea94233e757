import { useEffect, useState, type DependencyList, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../../ui/big-button';
import { Icon, type IconName } from '../icons';
import { useErrorText } from '../use-error-text';

export function ScreenTitle({ icon, title, sub }: { icon?: IconName; title: string; sub?: ReactNode }) {
  return (
    <div className="screen-title">
      {icon ? (
        <span className="screen-title__icon">
          <Icon name={icon} />
        </span>
      ) : null}
      <div>
        <h1>{title}</h1>
        {sub ? <p className="screen-title__sub">{sub}</p> : null}
      </div>
    </div>
  );
}

export type Load<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: unknown };

/** Runs `fetch` whenever deps (or the retry counter) change; stale answers are dropped. */
export function useLoad<T>(fetch: () => Promise<T>, deps: DependencyList): [Load<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  // Results are tagged with what they answer, so a change of deps shows "loading" at once.
  const key = JSON.stringify([...deps, attempt]);
  const [settled, setSettled] = useState<{ key: string; load: Load<T> } | null>(null);
  useEffect(() => {
    let live = true;
    fetch()
      .then((data) => live && setSettled({ key, load: { state: 'ready', data } }))
      .catch((error: unknown) => live && setSettled({ key, load: { state: 'failed', error } }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [settled?.key === key ? settled.load : { state: 'loading' }, () => setAttempt((n) => n + 1)];
}

/** Loading and failure as plain sentences with a 重试 button; children render when ready. */
export function LoadView<T>({ load, retry, children }: { load: Load<T>; retry(): void; children(data: T): ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (load.state === 'loading')
    return (
      <p className="screen-status" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('common.loading')}
      </p>
    );
  if (load.state === 'failed')
    return (
      <div className="screen-status screen-status--error" role="alert">
        <p>{errorText(load.error)}</p>
        <BigButton variant="secondary" onClick={retry}>
          {t('common.retry')}
        </BigButton>
      </div>
    );
  return <>{children(load.data)}</>;
}

export function useLang(): 'zh-CN' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
