import { useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardIdentityPayload } from '../../electron/core/api/events';
import { CardPrompt, useCardIdentity, useCardWatch } from '../kiosk/card-identity';
import { SystemInfoContext } from '../ui/system-info';

/** The kiosk session's card identity, handed to the interview (which stays testable with a prop). */
export function KioskCardIdentity({ children }: { children: (identity: CardIdentityPayload | null) => ReactNode }) {
  const { identity } = useCardIdentity();
  return <>{children(identity)}</>;
}

/** The applicant group before a card is read: place the card, or type the details by hand. */
export function CardReadPrompt({ onManual }: { onManual(): void }) {
  const { t } = useTranslation();
  useCardWatch(true);
  return (
    <div className="intake-card-prompt" data-testid="intake-card-prompt">
      <CardPrompt />
      <button type="button" className="intake-button--add intake-card-prompt__manual" onClick={onManual}>
        {t('intake.card.manual')}
      </button>
    </div>
  );
}

/** A site with its reader switched off never asks for a card. */
export function useCardReaderConfigured(): boolean {
  const info = useContext(SystemInfoContext);
  return !!info && info.devices.idcard.mode !== 'off';
}
