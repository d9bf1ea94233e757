import { useEffect, useState } from 'react';
import { api, onEvent } from '../../api/client';
import type { CardIdentityPayload, DeviceState } from '../../../electron/core/api/events';

/**
 * The counter's ID card reader while a walk-in is being registered: the reader polls only while
 * this page is open, and the identity lives in this page's memory only (gone when it closes).
 */
export function useDeskCard(active: boolean): { identity: CardIdentityPayload | null; state: DeviceState | null; simulated: boolean; clear(): void } {
  const [identity, setIdentity] = useState<CardIdentityPayload | null>(null);
  const [reader, setReader] = useState<{ state: DeviceState; simulated: boolean } | null>(null);

  useEffect(() => {
    if (!active) return undefined;
    const offCard = onEvent('idcard.card', ({ identity: read }) => setIdentity(read));
    const offStatus = onEvent('device.status', (s) => setReader({ state: s.state, simulated: s.simulated }));
    api
      .idcardWatch({ active: true })
      .then((now) => setReader((seen) => seen ?? { state: now.state, simulated: now.simulated }))
      .catch(() => undefined);
    return () => {
      offCard();
      offStatus();
      setIdentity(null);
      api.idcardWatch({ active: false }).catch(() => undefined);
    };
  }, [active]);

  return { identity, state: reader?.state ?? null, simulated: reader?.simulated ?? false, clear: () => setIdentity(null) };
}
