import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, onEvent } from '../api/client';
import type { CardIdentityPayload, DeviceState } from '../../electron/core/api/events';
import { useSystemInfo } from '../ui/system-info';


/**
 * The identity read from an ID card during ONE resident's session. It lives only in this React
 * context (memory): the idle reset remounts the kiosk tree, which drops it; nothing is stored.
 */
export interface CardIdentityState {
  identity: CardIdentityPayload | null;
  /** The card is on the reader right now. */
  present: boolean;
  reader: { state: DeviceState; simulated: boolean } | null;
  /** Forget the identity (the resident chose "not me" or finished). */
  clear(): void;
}

const CardIdentityContext = createContext<CardIdentityState | null>(null);

export function CardIdentityProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentity] = useState<CardIdentityPayload | null>(null);
  const [present, setPresent] = useState(false);
  const [reader, setReader] = useState<CardIdentityState['reader']>(null);

  useEffect(() => {
    const offCard = onEvent('idcard.card', ({ identity: read }) => {
      setIdentity(read);
      setPresent(true);
    });
    const offRemoved = onEvent('idcard.removed', () => setPresent(false));
    const offStatus = onEvent('device.status', (status) => {
      if (status.device === 'idcard') setReader({ state: status.state, simulated: status.simulated });
    });
    // Events only tell changes; ask once for where the reader stands now.
    let cancelled = false;
    api
      .idcardState({})
      .then((now) => {
        if (!cancelled) setReader((seen) => seen ?? { state: now.state, simulated: now.simulated });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      offCard();
      offRemoved();
      offStatus();
    };
  }, []);

  const clear = useCallback(() => {
    setIdentity(null);
    setPresent(false);
  }, []);
  const value = useMemo(() => ({ identity, present, reader, clear }), [identity, present, reader, clear]);
  return <CardIdentityContext.Provider value={value}>{children}</CardIdentityContext.Provider>;
}

const EMPTY: CardIdentityState = { identity: null, present: false, reader: null, clear: () => undefined };

/** The session's card identity (null until a card is read); safe outside the kiosk (always empty). */
export function useCardIdentity(): CardIdentityState {
  return useContext(CardIdentityContext) ?? EMPTY;
}

/**
 * While a screen that wants a card is shown, ask the core to watch the reader; stop when it
 * leaves. Until the device methods exist the calls fail (unknown_method) and are ignored.
 */
export function useCardWatch(active = true): void {
  useEffect(() => {
    if (!active) return;
    api.idcardWatch({ active: true }).catch(() => undefined);
    return () => {
      api.idcardWatch({ active: false }).catch(() => undefined);
    };
  }, [active]);
}

/** 「请将身份证放在读卡区」 with a card gently sliding onto a reader. */
export function CardPrompt({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`card-prompt${compact ? ' card-prompt--compact' : ''}`} role="status" data-testid="card-prompt">
      <div className="card-prompt__art" aria-hidden="true">
        <div className="card-prompt__reader" />
        <div className="card-prompt__card">
          <span className="card-prompt__photo" />
          <span className="card-prompt__line" />
          <span className="card-prompt__line card-prompt__line--short" />
        </div>
      </div>
      <div className="card-prompt__text">
        <p className="card-prompt__title">{t('kiosk.card.prompt')}</p>
        {!compact ? <p className="card-prompt__hint">{t('kiosk.card.promptHint')}</p> : null}
      </div>
    </div>
  );
}

/** A small dot + word for the reader's state; hidden on sites without a reader. */
export function ReaderStatus() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const { reader, present } = useCardIdentity();
  if (info.devices.idcard.mode === 'off') return null;
  const state = reader?.state ?? 'connecting';
  const tone = state === 'connected' || state === 'searching' ? 'ok' : state === 'error' || state === 'disconnected' ? 'bad' : 'wait';
  return (
    <span className={`reader-status reader-status--${tone}`} data-testid="reader-status" data-state={state}>
      <span className="reader-status__dot" aria-hidden="true" />
      {present ? t('kiosk.card.present') : t(`kiosk.card.state.${state}`)}
    </span>
  );
}

/** Demo sites only: put the built-in sample card on / off the simulated reader. */
export function DemoCardControl() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const { present } = useCardIdentity();
  const [failed, setFailed] = useState(false);
  // Demo cards exist only on the simulated reader (the core refuses them for real ones).
  if (!info.demo || info.devices.idcard.mode !== 'simulated') return null;
  const toggle = () => {
    setFailed(false);
    (present ? api.idcardRemoveDemoCard({}) : api.idcardPlaceDemoCard({})).catch(() => setFailed(true));
  };
  return (
    <button type="button" className="demo-card" onClick={toggle} data-testid="demo-card">
      {present ? t('kiosk.card.demoRemove') : t('kiosk.card.demoPlace')}
      {failed ? <span className="demo-card__failed"> · {t('kiosk.card.demoUnavailable')}</span> : null}
    </button>
  );
}
