import { useCallback, useState } from 'react';
import { api, setStaffSession } from '../api/client';
import type { StaffIdentity } from '../../electron/core/api/dispatch';
import { SignInScreen } from './SignInScreen';
import { PasswordChangeScreen } from './PasswordChangeScreen';
import { DeskFrame } from './DeskFrame';
import './desk.css';

interface SignedIn {
  user: StaffIdentity;
  lockAfterSeconds: number;
}

/**
 * The front-desk workstation: sign-in, a forced password change when the account needs one, then
 * the desk itself. The session token lives in memory only; a reload means signing in again.
 */
export default function DeskApp() {
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((reason?: string) => {
    // Forget the token only after the core has ended the session, so a quick sign-in that
    // follows can never have its new token cleared by this one.
    void api
      .staffSignOut({})
      .catch(() => undefined)
      .then(() => {
        setStaffSession(undefined);
        setSignedIn(null);
        setNotice(reason ?? null);
      });
  }, []);

  const sessionLost = useCallback(() => {
    setStaffSession(undefined);
    setSignedIn(null);
    setNotice('desk.signIn.sessionEnded');
  }, []);

  if (!signedIn) {
    return (
      <SignInScreen
        notice={notice}
        onSignedIn={(result) => {
          setStaffSession(result.session);
          setNotice(null);
          setSignedIn({ user: result.user, lockAfterSeconds: result.lockAfterSeconds });
        }}
      />
    );
  }
  if (signedIn.user.mustChangePassword) {
    return (
      <PasswordChangeScreen
        user={signedIn.user}
        forced
        onChanged={(user) => setSignedIn({ ...signedIn, user })}
        onCancel={() => signOut()}
      />
    );
  }
  return <DeskFrame user={signedIn.user} lockAfterSeconds={signedIn.lockAfterSeconds} onSignOut={signOut} onSessionLost={sessionLost} />;
}
