import type { HandlerTable, StaffIdentity, CallContext } from '../api/dispatch';
import type { DomainContext, DomainRuntime } from '../domain';
import type { AuditSink } from '../audit/audit-types';
import type { Logger } from '../log/logger';
import { join } from 'node:path';
import { APP_ROOT } from '../../app-root';
import { ApiError } from '../api/api-error';
import { roleHasPermission } from '../staff/permissions';
import { migrate } from '../storage/database';
import { checkAnswers, isValidIdNumber, type FieldIssue } from '../../../kiosk-config/forms/form-engine';
import type { FormDefinition } from '../../../kiosk-config/forms/form-schema';
import { FieldCipher } from '../crypto/field-cipher';
import { FileKeyProvider, type KeyProvider } from '../crypto/key-provider';
import { FormCatalog } from './form-catalog';
import { INTAKE_MIGRATIONS } from './intake-schema';
import { intakeMethods, type QueueStatus } from './intake-methods';
import { KioskStore } from './kiosk-store';
import { KioskDrafts } from './kiosk-drafts';
import { DEMO_MAINTENANCE_PIN_HASH, KioskMaintenance } from './kiosk-maintenance';
import { normalizeReceipt } from './receipt-number';
import { HubStore } from './hub-store';
import { Inbox } from './inbox';
import { KioskOutbox } from '../sync/kiosk-outbox';
import { SyncLoop, type SyncLoopOptions } from '../sync/sync-loop';
import { HubClient, HubHttpError, HubUnreachableError } from '../sync/hub-client';
import { HubRegistry } from '../sync/hub-registry';
import { HubServer, type HubAddress } from '../sync/hub-server';

export { intakeMethods } from './intake-methods';

/** Acknowledged items stay on the kiosk this long before their payload is forgotten. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60_000;
const DRAFT_WIPE_INTERVAL_MS = 10 * 60_000;

const QUEUE_EVENT_MS = 250;

export interface IntakeDeps {
  audit: AuditSink;
  /** Source of the data key; defaults to `<dataDir>/keys/data.key`. */
  keys?: KeyProvider;
  /** Defaults to kiosk-config/forms of the application folder. */
  formsDir?: string;
  retentionMs?: number;
  /** scrypt hash (see kiosk-maintenance.ts); defaults to the demo PIN 246810. */
  maintenancePinHash?: string;
  sync?: Pick<SyncLoopOptions, 'idleMs' | 'backoff' | 'batch' | 'random'>;
}

export interface IntakeRuntime extends DomainRuntime<HandlerTable<typeof intakeMethods>> {
  forms: FormCatalog;
  /** Desk: the LAN hub; resolves to its address once listening, or null if it could not listen. */
  hub?: { ready: Promise<HubAddress | null> };
  /** Kiosk: the sync loop. */
  sync?: SyncLoop;
}

/** Until the staff domain's audit trail is wired in, audit entries (never personal data) go to the log. */
export function logAuditSink(log: Logger): AuditSink {
  return { append: (entry) => log.info({ event: 'audit', ...entry, detail: entry.detail }, 'audit') };
}

export function createIntakeDomain(ctx: DomainContext, deps: IntakeDeps): IntakeRuntime {
  const { db, site, log, events, now } = ctx;
  migrate(db, INTAKE_MIGRATIONS, log);
  const forms = FormCatalog.load(deps.formsDir ?? join(APP_ROOT, 'kiosk-config', 'forms'), { cacheDir: join(ctx.dataDir, 'cache', 'forms') });
  const cipher = new FieldCipher(deps.keys ?? new FileKeyProvider(ctx.dataDir));
  const closers: Array<() => Promise<void> | void> = [];

  const requireForm = (formId: string): FormDefinition => {
    const form = forms.get(formId);
    if (!form) throw new ApiError('not_found', `no form ${formId}`, { params: { formId } });
    return form;
  };
  const wrongRole = (): never => {
    throw new ApiError('role_forbidden', `not served to ${site.role} instances`);
  };
  const staffOf = (callCtx: CallContext): StaffIdentity => callCtx.staff ?? (() => {
    throw new ApiError('unauthenticated', 'staff sign-in required');
  })();

  // ---- kiosk side ----
  let kiosk: ReturnType<typeof createKioskSide> | undefined;
  function createKioskSide() {
    const store = new KioskStore(db, cipher, site.office.code);
    const drafts = new KioskDrafts(db, cipher, now);
    const outbox = new KioskOutbox(db, cipher, store.meta, now);
    const maintenance = new KioskMaintenance(deps.maintenancePinHash ?? ctx.site.maintenancePinHash ?? DEMO_MAINTENANCE_PIN_HASH, now);
    const hubUrl = (): string | null => store.meta.get('hubUrl') ?? site.hub.url ?? null;
    const deviceToken = (): string | null => {
      const sealed = store.meta.get('deviceToken');
      return sealed ? cipher.decrypt(Buffer.from(sealed, 'base64'), 'kiosk_meta:deviceToken') : null;
    };
    // Counting the outbox scans it, and a burst of submits or acks needs one update on the
    // maintenance panel, not one per row: at most one event per QUEUE_EVENT_MS, the last one trailing.
    let lastQueueEvent = 0;
    let queueEventTimer: NodeJS.Timeout | null = null;
    const publishQueue = (): void => {
      queueEventTimer = null;
      lastQueueEvent = Date.now();
      const counts = outbox.counts();
      const state = sync.snapshot;
      events.emit('queue.changed', { pending: counts.pending + counts.held, lastSyncAt: state.lastSyncAt, hubReachable: state.hubReachable });
    };
    const emitQueue = (): void => {
      if (queueEventTimer) return;
      const wait = QUEUE_EVENT_MS - (Date.now() - lastQueueEvent);
      if (wait <= 0) return publishQueue();
      queueEventTimer = setTimeout(publishQueue, wait);
      queueEventTimer.unref();
    };
    closers.push(() => {
      if (queueEventTimer) clearTimeout(queueEventTimer);
    });
    const sync: SyncLoop = new SyncLoop({
      outbox,
      log,
      now,
      target: () => {
        const url = hubUrl();
        const token = deviceToken();
        return url && token ? { hubUrl: url, token } : null;
      },
      onChange: () => emitQueue(),
      retentionMs: deps.retentionMs ?? DEFAULT_RETENTION_MS,
      persist: (key, value) => store.meta.set(key, value),
      restore: (key) => store.meta.get(key) ?? null,
      ...deps.sync,
    });
    const queueStatus = (): QueueStatus => {
      const counts = outbox.counts();
      const state = sync.snapshot;
      return {
        pending: counts.pending + counts.held,
        sentAwaitingRetention: counts.sent,
        held: counts.held,
        lastSyncAt: state.lastSyncAt,
        lastError: state.lastError,
        hubUrl: hubUrl(),
        hubReachable: state.hubReachable,
        paired: deviceToken() !== null,
        kioskId: store.kioskId,
        deviceCode: store.deviceCode,
      };
    };
    drafts.wipeExpired();
    const wipeTimer = setInterval(() => {
      try {
        drafts.wipeExpired();
      } catch (error) {
        log.error({ event: 'drafts.wipe_failed', err: { message: (error as Error).message } }, 'draft wipe failed');
      }
    }, DRAFT_WIPE_INTERVAL_MS);
    wipeTimer.unref();
    closers.push(() => clearInterval(wipeTimer));
    closers.push(() => sync.stop());
    sync.start();
    return { store, drafts, outbox, maintenance, sync, hubUrl, deviceToken, queueStatus, emitQueue };
  }

  // ---- desk side ----
  let desk: ReturnType<typeof createDeskSide> | undefined;
  function createDeskSide() {
    const store = new HubStore(db, cipher, forms, site.office.code, now, deps.audit);
    const registry = new HubRegistry(db, now, deps.audit, store.hubId, store.deviceCode);
    const inbox = new Inbox(db, cipher, forms, deps.audit, now);
    const server = new HubServer({ registry, store, log, onReceived: () => events.emit('inbox.changed', { reason: 'received' }) });
    const ready = server.listen(site.hub.listenHost, site.hub.listenPort).catch((error: unknown) => {
      log.error({ event: 'hub.listen_failed', host: site.hub.listenHost, port: site.hub.listenPort, err: { message: (error as Error).message } }, 'desk hub could not listen');
      return null;
    });
    closers.push(async () => {
      await ready;
      await server.close();
    });
    return { store, registry, inbox, server, ready };
  }

  if (site.role === 'kiosk') kiosk = createKioskSide();
  if (site.role === 'desk') desk = createDeskSide();
  const k = () => kiosk ?? wrongRole();
  const d = () => desk ?? wrongRole();

  const handlers: HandlerTable<typeof intakeMethods> = {
    formsList: () => forms.list().map((f) => ({ id: f.id, service: f.service, title: f.title, summary: f.summary })),
    formGet: ({ formId }) => requireForm(formId),

    draftSave: (input) => {
      requireForm(input.formId);
      return k().drafts.save(input);
    },
    draftPause: ({ draftId }) => k().drafts.pause(draftId),
    draftResume: ({ code }) => k().drafts.resume(code),
    draftDiscard: ({ draftId }) => {
      k().drafts.discard(draftId);
      return { ok: true as const };
    },

    intakeSubmit: ({ formId, answers, draftId }) => {
      const side = k();
      const form = requireForm(formId);
      const { pruned, issues } = checkAnswers(form, answers);
      if (issues.length > 0) throw invalidAnswers(formId, issues);
      const result = side.store.submit(form, pruned, draftId, now());
      side.emitQueue();
      side.sync.nudge();
      return result;
    },
    progressLookup: ({ receiptNo }) => {
      const normalized = normalizeReceipt(receiptNo);
      if (!normalized) throw new ApiError('invalid_input', 'not a receipt number', { issues: [{ path: 'receiptNo', key: 'validation.format' }] });
      return k().store.progressByReceipt(normalized);
    },
    progressLookupByIdNumber: ({ idNumber }) => {
      if (!isValidIdNumber(idNumber)) throw new ApiError('invalid_input', 'not an ID number', { issues: [{ path: 'idNumber', key: 'validation.idNumber' }] });
      return k().store.progressByIdNumber(idNumber);
    },
    evaluationSubmit: ({ service, score, tags, comment, receiptNo }) => {
      const side = k();
      let receipt: string | undefined;
      if (receiptNo) {
        receipt = normalizeReceipt(receiptNo) ?? undefined;
        if (!receipt) throw new ApiError('invalid_input', 'not a receipt number', { issues: [{ path: 'receiptNo', key: 'validation.format' }] });
      }
      side.store.addEvaluation({ service, score, tags, comment, receiptNo: receipt }, now());
      side.emitQueue();
      side.sync.nudge();
      return { ok: true as const };
    },

    kioskMaintenanceUnlock: ({ pin }) => k().maintenance.unlock(pin),
    kioskQueueStatus: ({ token }) => {
      const side = k();
      side.maintenance.check(token);
      return side.queueStatus();
    },
    kioskSyncNow: async ({ token }) => {
      const side = k();
      side.maintenance.check(token);
      side.outbox.requeueHeld();
      await side.sync.runNow();
      return side.queueStatus();
    },
    kioskPair: async ({ token, code, hubUrl, name }) => {
      const side = k();
      side.maintenance.check(token);
      // Submissions go only to the office's own hub: a configured hub URL cannot be swapped at the kiosk.
      const configured = ctx.site.hub.url;
      if (hubUrl !== undefined && configured !== undefined && hubUrl.replace(/\/+$/, '') !== configured.replace(/\/+$/, '')) {
        throw new ApiError('invalid_input', 'the hub URL is fixed by the site config', { issues: [{ path: 'hubUrl', key: 'validation.hubFixed' }] });
      }
      const url = hubUrl ?? side.hubUrl();
      if (!url) throw new ApiError('invalid_input', 'no hub URL configured', { issues: [{ path: 'hubUrl', key: 'validation.required' }] });
      let response;
      try {
        response = await new HubClient(url, undefined).pair({ code, kioskId: side.store.kioskId, name: name ?? `一体机 ${side.store.deviceCode}`, deviceCode: side.store.deviceCode });
      } catch (error) {
        if (error instanceof HubUnreachableError) throw new ApiError('hub_unreachable', 'hub did not answer', { params: { hubUrl: url } });
        if (error instanceof HubHttpError && error.status === 429) throw new ApiError('rate_limited', 'hub refuses pairing for a while');
        if (error instanceof HubHttpError && error.status === 400) throw new ApiError('invalid_input', 'pairing code refused', { issues: [{ path: 'code', key: 'validation.invalid' }] });
        throw error;
      }
      const meta = side.store.meta;
      db.transaction(() => {
        meta.set('deviceToken', cipher.encrypt(response.deviceToken, 'kiosk_meta:deviceToken').toString('base64'));
        meta.set('deviceCode', response.deviceCode);
        meta.set('hubUrl', url);
        meta.set('hubId', response.hubId);
        meta.set('pairedAt', now().toISOString());
      })();
      side.store.adoptDeviceCode(response.deviceCode);
      ctx.log.warn({ event: 'kiosk.paired', kioskId: side.store.kioskId, hubId: response.hubId, hubUrl: url }, 'kiosk paired with a hub');
      void side.sync.runNow();
      return { paired: true as const, kioskId: side.store.kioskId, deviceCode: response.deviceCode, hubUrl: url };
    },

    pairingCodeCreate: (_input, callCtx) => d().registry.createPairingCode(staffOf(callCtx).userId),
    kiosksList: () => d().registry.list(),
    kioskRevoke: ({ kioskId }, callCtx) => {
      if (!d().registry.revoke(kioskId, staffOf(callCtx).userId)) throw new ApiError('not_found', 'no such kiosk');
      return { ok: true as const };
    },
    inboxList: (filter, callCtx) => {
      const staff = staffOf(callCtx);
      // Whether a named person has a case is itself personal data: only roles that may reveal may ask.
      if (filter.name && !roleHasPermission(staff.role, 'inbox.reveal')) throw new ApiError('permission_denied', 'name search needs inbox.reveal', { params: { permission: 'inbox.reveal' } });
      return d().inbox.list(filter, staff);
    },
    inboxGet: ({ id }) => d().inbox.get(id),
    inboxReveal: ({ id }, callCtx) => d().inbox.reveal(id, staffOf(callCtx)),
    inboxAct: (input, callCtx) => {
      const result = d().inbox.act(input, staffOf(callCtx));
      events.emit('inbox.changed', { reason: 'status' });
      return result;
    },
    inboxExportCsv: (filter, callCtx) => d().inbox.exportCsv(filter, staffOf(callCtx)),
    walkinSubmit: ({ formId, answers }, callCtx) => {
      const side = d();
      const staff = staffOf(callCtx);
      const form = requireForm(formId);
      const { pruned, issues } = checkAnswers(form, answers);
      if (issues.length > 0) throw invalidAnswers(formId, issues);
      const result = side.store.insertWalkin(form, pruned, staff.userId);
      deps.audit.append({ actor: staff.userId, action: 'submission.walkin', target: result.id });
      events.emit('inbox.changed', { reason: 'walkin' });
      return result;
    },
  };

  return {
    handlers,
    forms,
    ...(desk ? { hub: { ready: desk.ready } } : {}),
    ...(kiosk ? { sync: kiosk.sync } : {}),
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}

function invalidAnswers(formId: string, issues: FieldIssue[]): ApiError {
  return new ApiError('invalid_input', `form ${formId}: ${issues.length} field(s) invalid`, {
    issues: issues.map((i) => ({ path: i.path, key: `validation.${i.key}`, ...(i.params ? { params: i.params } : {}) })),
  });
}
