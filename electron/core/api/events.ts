import type { Role } from './roles';

/** Reader state as the UI shows it (an indicator and a sentence). */
export type DeviceState = 'off' | 'disconnected' | 'connecting' | 'connected' | 'searching' | 'error';

/**
 * Everything the core pushes to the renderer. One typed subscription carries them all, in both
 * hosts; EVENT_ROLES says which role's windows receive each event.
 */
export interface CoreEventMap {
  'device.status': { device: 'idcard'; state: DeviceState; messageKey?: string; simulated: boolean };
  /** A card was read. Carries the identity for the form only; it lives in renderer memory. */
  'idcard.card': { identity: CardIdentityPayload };
  'idcard.removed': Record<string, never>;
  'idcard.error': { kind: string; messageKey: string };
  'queue.changed': { pending: number; lastSyncAt: string | null; hubReachable: boolean | null };
  'inbox.changed': { reason: string };
  'library.changed': { documents: number };
}

/** What crosses to the renderer from the ID card reader (photo bytes never do). */
export interface CardIdentityPayload {
  cardType: string;
  name: string;
  nameEn?: string;
  sexCode: string;
  ethnicityCode?: string;
  birthDate: string;
  address: string;
  idNumber: string;
  idNumberValid: boolean;
  authority: string;
  validFrom: string;
  validUntil: string;
  expired: boolean;
}

export type CoreEventName = keyof CoreEventMap;

export const EVENT_ROLES: { readonly [E in CoreEventName]: readonly Role[] } = {
  'device.status': ['kiosk', 'desk', 'visit'],
  'idcard.card': ['kiosk', 'desk', 'visit'],
  'idcard.removed': ['kiosk', 'desk', 'visit'],
  'idcard.error': ['kiosk', 'desk', 'visit'],
  'queue.changed': ['kiosk'],
  'inbox.changed': ['desk'],
  'library.changed': ['kiosk', 'desk'],
};

export interface CoreEvent<E extends CoreEventName = CoreEventName> {
  name: E;
  payload: CoreEventMap[E];
}

type Listener = (event: CoreEvent) => void;

/** The core's single event stream; hosts forward it to their windows or sockets. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends CoreEventName>(name: E, payload: CoreEventMap[E]): void {
    for (const listener of [...this.listeners]) listener({ name, payload } as CoreEvent);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
