import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import { Dialog } from '../ui/dialog';
import type { IdleTiming } from './idle-timing';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/**
 * Privacy guard: after `timing.timeoutMs` without a touch, asks 「还在使用吗？」 and counts down;
 * no answer ends the session (`onTimeout` wipes everything). Any touch cancels the countdown.
 */
export function IdleGuard({ enabled, timing, onTimeout }: { enabled: boolean; timing: IdleTiming; onTimeout(): void }) {
  const { t } = useTranslation();
  const lastActivity = useRef(0);
  const deadline = useRef<number | null>(null);
  const [remaining, setRemaining] = useState<number | null>(null);
  const timeoutRef = useRef(onTimeout);
  useLayoutEffect(() => {
    timeoutRef.current = onTimeout;
  });

  useEffect(() => {
    const touch = () => {
      lastActivity.current = performance.now();
      if (deadline.current !== null) {
        deadline.current = null;
        setRemaining(null);
      }
    };
    for (const name of ACTIVITY) window.addEventListener(name, touch, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY) window.removeEventListener(name, touch, { capture: true });
    };
  }, []);

  useEffect(() => {
    deadline.current = null;
    if (!enabled) return;
    lastActivity.current = performance.now();
    const timer = window.setInterval(() => {
      const now = performance.now();
      if (deadline.current === null) {
        if (now - lastActivity.current >= timing.timeoutMs) {
          deadline.current = now + timing.countdownSeconds * 1000;
          setRemaining(timing.countdownSeconds);
        }
        return;
      }
      const left = Math.ceil((deadline.current - now) / 1000);
      if (left <= 0) {
        deadline.current = null;
        setRemaining(null);
        timeoutRef.current();
      } else setRemaining(left);
    }, 250);
    return () => window.clearInterval(timer);
  }, [enabled, timing.timeoutMs, timing.countdownSeconds]);

  return (
    <Dialog
      open={enabled && remaining !== null}
      title={t('kiosk.idle.title')}
      testId="idle-dialog"
      tone="warning"
      actions={
        <BigButton size="xl" block onClick={() => setRemaining(null)}>
          {t('kiosk.idle.stay')}
        </BigButton>
      }
    >
      <p className="idle-countdown">
        <span className="idle-countdown__number" aria-live="assertive">
          {remaining ?? ''}
        </span>
        {t('kiosk.idle.body')}
      </p>
    </Dialog>
  );
}
