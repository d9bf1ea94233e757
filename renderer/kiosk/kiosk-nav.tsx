import { createContext, useContext } from 'react';
import type { KioskService } from '../../kiosk-config/site-schema';
import type { Route } from './kiosk-route';

export interface KioskNav {
  route: Route;
  depth: number;
  go(route: Route): void;
  /** Replaces the current screen without adding a Back step. */
  replace(route: Route): void;
  back(): void;
  home(): void;
  elder: boolean;
  /** The service just left via Home, offered for 「评价本次服务」 on the home screen. */
  ratePrompt: KioskService | null;
  dismissRatePrompt(): void;
}

export const KioskNavContext = createContext<KioskNav | null>(null);

export function useKioskNav(): KioskNav {
  const nav = useContext(KioskNavContext);
  if (!nav) throw new Error('useKioskNav outside the kiosk');
  return nav;
}
