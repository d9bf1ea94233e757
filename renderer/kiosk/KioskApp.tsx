import { useCallback, useEffect, useState } from 'react';
import { i18n } from '../i18n';
import { useSystemInfo } from '../ui/system-info';
import { preloadKeyboard } from '../ui/touch-field';
import { KioskSession } from './kiosk-session';
import { runSessionReset } from './session-reset';
import './kiosk.css';

/**
 * The lobby kiosk. Each resident's visit is one KioskSession; the idle reset throws the whole
 * tree away (new key) so form text, a card's identity, search words, scroll positions, elder
 * mode and the chosen language all go with it, and the next person starts at the attract screen.
 */
export default function KioskApp() {
  const info = useSystemInfo();
  const [session, setSession] = useState(0);
  const [begin, setBegin] = useState<'home' | 'attract'>('home');

  const endSession = useCallback(() => {
    runSessionReset();
    void i18n.changeLanguage(info.defaultLanguage);
    setBegin('attract');
    setSession((n) => n + 1);
  }, [info.defaultLanguage]);

  useEffect(() => {
    // Fetch the keyboard chunk once the first screen has painted.
    const idle = window.setTimeout(preloadKeyboard, 1500);
    return () => window.clearTimeout(idle);
  }, []);

  return <KioskSession key={session} begin={begin} onEnd={endSession} />;
}
