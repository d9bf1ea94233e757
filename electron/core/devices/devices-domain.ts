import { z } from 'zod';
import { method } from '../api/method';
import { ApiError } from '../api/api-error';
import type { HandlerTable } from '../api/dispatch';
import type { CardIdentityPayload, DeviceState } from '../api/events';
import type { DomainContext, DomainRuntime } from '../domain';
import { createIdCardReader, type IdCardReader } from '../../../native-bridges/idcard/driver';
import type { CardIdentity } from '../../../native-bridges/idcard/identity';
import { FIXTURE_IDS, type FixtureId } from '../../../native-bridges/idcard/fixtures';

export interface IdCardState {
  state: DeviceState;
  simulated: boolean;
  watching: boolean;
}

const fixtureId = z.enum(FIXTURE_IDS as [FixtureId, ...FixtureId[]]);

/** API rows of the devices domain: the ID card reader as the kiosk and desk use it. */
export const devicesMethods = {
  /** The screen that wants a card says so; the reader polls only while someone watches. */
  idcardWatch: method<IdCardState>()({ input: z.object({ active: z.boolean() }).strict(), roles: ['kiosk', 'desk'] }),
  idcardState: method<IdCardState>()({ input: z.object({}).strict(), roles: ['kiosk', 'desk', 'visit'] }),
  /** Demo and tests: put a fictional card on the simulated reader. Refused for real readers. */
  idcardPlaceDemoCard: method<{ placed: FixtureId }>()({ input: z.object({ fixture: fixtureId.optional() }).strict(), roles: ['kiosk', 'desk'] }),
  idcardRemoveDemoCard: method<{ removed: true }>()({ input: z.object({}).strict(), roles: ['kiosk', 'desk'] }),
};

/** What crosses to the renderer: the fields a form needs; never the photo, never logged. */
export function toCardPayload(identity: CardIdentity): CardIdentityPayload {
  return {
    cardType: identity.cardType,
    name: identity.name,
    nameEn: identity.nameEn,
    sexCode: identity.sex.code,
    ethnicityCode: identity.ethnicity?.code,
    birthDate: identity.birthDate,
    address: identity.appendedAddress ? `${identity.address}${identity.appendedAddress}` : identity.address,
    idNumber: identity.idNumber,
    idNumberValid: identity.idNumberValid,
    authority: identity.authority,
    validFrom: identity.validFrom,
    validUntil: identity.validUntil,
    expired: identity.expired,
  };
}

/** How long after start-up the reader is first opened (see startupCheck). */
const READER_CHECK_DELAY_MS = 2000;

export function createDevicesDomain(ctx: DomainContext): DomainRuntime<HandlerTable<typeof devicesMethods>> {
  const setting = ctx.site.devices.idcard;
  const simulated = setting.port === 'simulated';
  const watchers = new Set<string>();
  let state: DeviceState = setting.port === 'off' ? 'off' : 'disconnected';
  let reader: IdCardReader | null = null;
  let starting: Promise<void> | null = null;

  const publish = (next: DeviceState, messageKey?: string): void => {
    state = next;
    ctx.events.emit('device.status', { device: 'idcard', state, messageKey, simulated });
  };

  const ensureReader = (): IdCardReader => {
    if (reader) return reader;
    if (setting.port === 'off') throw new ApiError('device_unavailable', 'the ID card reader is switched off in the site config');
    const created = createIdCardReader({ device: setting.port, baudRate: setting.baudRate, pollIntervalMs: setting.pollIntervalMs, now: ctx.now, readAppendedAddress: true });
    created.on('status', (status) => publish(status.state, `idcard.status.${status.state}`));
    created.on('card', (identity) => {
      // Only the fact of a read is logged: who it was never is.
      ctx.log.info({ event: 'idcard.read', cardType: identity.cardType, expired: identity.expired });
      ctx.events.emit('idcard.card', { identity: toCardPayload(identity) });
    });
    created.on('removed', () => ctx.events.emit('idcard.removed', {}));
    created.on('error', (error) => {
      ctx.log.warn({ event: 'idcard.error', kind: error.kind, sw3: error.sw3 ?? null });
      ctx.events.emit('idcard.error', { kind: error.kind, messageKey: error.messageKey });
    });
    reader = created;
    return created;
  };

  const start = async (): Promise<void> => {
    const r = ensureReader();
    starting ??= r.start().finally(() => {
      starting = null;
    });
    await starting;
  };

  const view = (): IdCardState => ({ state, simulated, watching: watchers.size > 0 });

  // Open the reader soon after start-up, so the status line tells staff the truth (ready,
  // unplugged, faulty) before the first resident needs it, instead of "not connected" until then.
  // Delayed so that it does not compete with the first screen; it connects but does not poll.
  const startupCheck =
    setting.port === 'off'
      ? undefined
      : setTimeout(() => {
          ensureReader()
            .open()
            .catch((error: unknown) => ctx.log.warn({ event: 'idcard.startup_check_failed', err: { message: (error as Error).message } }, 'ID card reader check at start-up failed'));
        }, READER_CHECK_DELAY_MS);
  startupCheck?.unref();

  return {
    handlers: {
      async idcardWatch({ active }, call) {
        if (setting.port === 'off') return view();
        if (active) {
          watchers.add(call.clientId);
          await start();
        } else {
          watchers.delete(call.clientId);
          if (watchers.size === 0) reader?.stop();
        }
        return view();
      },
      idcardState: () => view(),
      async idcardPlaceDemoCard({ fixture }) {
        if (!simulated) throw new ApiError('device_unavailable', 'demo cards exist only on the simulated reader');
        await start();
        const chosen = fixture ?? 'resident';
        reader?.simulated?.simulator.placeCard(chosen);
        return { placed: chosen };
      },
      async idcardRemoveDemoCard() {
        if (!simulated) throw new ApiError('device_unavailable', 'demo cards exist only on the simulated reader');
        reader?.simulated?.simulator.removeCard();
        return { removed: true };
      },
    },
    async close() {
      clearTimeout(startupCheck);
      watchers.clear();
      await starting?.catch(() => undefined);
      await reader?.close();
      reader = null;
    },
  };
}
