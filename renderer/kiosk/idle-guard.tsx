import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import { Dialog } from '../ui/dialog';
import type { IdleTiming } from './idle-timing';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/**
 * Privacy guard: after `timing.timeoutMs` without a touch, asks 「还在使用吗？」 and counts down;
 * no answer ends the session (`onTimeout` wipes everything). Any touch cancels the countdown.
 * A touch on the question itself closes it with its click, not as the finger lands: the question
 * must not vanish from under the finger and let the tap fall through to the screen below.
 */
export function IdleGuard({ enabled, timing, onTimeout }: { enabled: boolean; timing: IdleTiming; onTimeout(): void }) {
  const { t } = useTranslation();
  const lastActivity = useRef(0);
  const questionArea = useRef<HTMLDivElement>(null);
  const deadline = useRef<number | null>(null);
  const [remaining, setRemaining] = useState<number | null>(null);
  const timeoutRef = useRef(onTimeout);
  useLayoutEffect(() => {
    timeoutRef.current = onTimeout;
  });

  useEffect(() => {
    const touch = (event: Event) => {
      lastActivity.current = performance.now();
      if (deadline.current !== null) {
        deadline.current = null;
        if (event.target instanceof Node && questionArea.current?.contains(event.target)) return;
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
    <div ref={questionArea} className="idle-guard" onClickCapture={() => setRemaining(null)}>
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
    </div>
  );
}
