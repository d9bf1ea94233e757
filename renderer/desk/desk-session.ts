import { createContext, useCallback, useContext } from 'react';
import type { StaffIdentity } from '../../electron/core/api/dispatch';
import { ApiCallError } from '../api/client';

/** The signed-in staff member as every desk page sees it. */
export interface DeskSession {
  user: StaffIdentity;
  /** True while the lock screen covers the desk: pages drop revealed personal data. */
  locked: boolean;
  /** Called when the core says the session is gone (expired, revoked): back to sign-in. */
  sessionLost(): void;
}

export const DeskSessionContext = createContext<DeskSession | null>(null);

export function useDeskSession(): DeskSession {
  const session = useContext(DeskSessionContext);
  if (!session) throw new Error('useDeskSession outside DeskSessionContext');
  return session;
}

/** Wraps a page's error handling: a lost session signs out instead of showing a message. */
export function useSessionGuard(): (error: unknown) => void {
  const { sessionLost } = useDeskSession();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiCallError && error.payload.code === 'unauthenticated') sessionLost();
    },
    [sessionLost],
  );
}
