import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls onIdle once after `seconds` without keyboard or pointer activity; restarts on activity. */
export function useIdle(seconds: number, enabled: boolean, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (!enabled) return undefined;
    let timer = window.setTimeout(() => callback.current(), seconds * 1000);
    const reset = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), seconds * 1000);
    };
    for (const name of ACTIVITY) window.addEventListener(name, reset, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, reset, { capture: true });
    };
  }, [seconds, enabled]);
}
