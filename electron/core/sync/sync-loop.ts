import type { Logger } from '../log/logger';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { DEFAULT_BATCH_LIMITS, selectBatch, type BatchLimits } from './batch';
import { HubClient, HubHttpError, HubUnreachableError } from './hub-client';
import type { KioskOutbox } from './kiosk-outbox';

export interface SyncTarget {
  hubUrl: string;
  token: string;
}

export interface SyncLoopOptions {
  outbox: KioskOutbox;
  /** Where to sync now; null while the kiosk is not paired. */
  target: () => SyncTarget | null;
  log: Logger;
  now: () => Date;
  /** Called whenever the queue or reachability may have changed. */
  onChange: () => void;
  random?: () => number;
  backoff?: BackoffOptions;
  batch?: BatchLimits;
  /** Quiet-time poll for status changes and heartbeats. */
  idleMs?: number;
  retentionMs: number;
  /** Persisted last successful sync and last error, so a restart shows them. */
  persist: (key: 'lastSyncAt' | 'lastError', value: string | null) => void;
  restore: (key: 'lastSyncAt' | 'lastError') => string | null;
}

export interface SyncState {
  hubReachable: boolean | null;
  lastSyncAt: string | null;
  lastError: string | null;
  attempt: number;
}

/**
 * The kiosk's sync loop: push the outbox in batches (items become sent only when the hub
 * acknowledges them), pull status changes, heartbeat. One run at a time; runs are started by a
 * timer (idle poll or backoff, never a spin), by a new submission, or by kioskSyncNow.
 */
export class SyncLoop {
  private timer: NodeJS.Timeout | undefined;
  private queued: Promise<SyncState> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly state: SyncState;
  private readonly random: () => number;

  constructor(private readonly options: SyncLoopOptions) {
    this.random = options.random ?? Math.random;
    this.state = { hubReachable: null, lastSyncAt: options.restore('lastSyncAt'), lastError: options.restore('lastError'), attempt: 0 };
  }

  get snapshot(): SyncState {
    return { ...this.state };
  }

  start(): void {
    this.schedule(0);
  }

  /** A run now (coalesced with one that has not started yet); resolves with the state after it. */
  runNow(): Promise<SyncState> {
    if (this.stopped) return Promise.resolve(this.snapshot);
    if (this.queued) return this.queued;
    const run = this.tail.then(() => {
      this.queued = null;
      return this.runOnce();
    });
    this.queued = run;
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Something was queued: go now unless the hub is known to be down (then the backoff timer decides). */
  nudge(): void {
    if (this.state.hubReachable !== false) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.tail;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runNow();
    }, ms);
    this.timer.unref();
  }

  private async runOnce(): Promise<SyncState> {
    if (this.stopped) return this.snapshot;
    const { outbox, log } = this.options;
    const target = this.options.target();
    try {
      outbox.purge(this.options.retentionMs);
      if (!target) {
        this.state.hubReachable = null;
        this.setError('not_paired');
        this.schedule(this.options.idleMs ?? 30_000);
        return this.snapshot;
      }
      const client = new HubClient(target.hubUrl, target.token);
      const limits = this.options.batch ?? DEFAULT_BATCH_LIMITS;
      for (;;) {
        if (this.stopped) return this.snapshot;
        const batch = selectBatch(outbox.pending(limits.maxItems), limits);
        if (batch.length === 0) break;
        const counts = outbox.counts();
        const response = await client.push(
          batch.map((e) => e.item),
          counts.pending + counts.held,
        );
        const recorded = outbox.record(batch, response.results);
        this.state.hubReachable = true;
        if (recorded.firstError) {
          this.setError(recorded.firstError);
          log.warn({ event: 'sync.held', count: recorded.held, error: recorded.firstError }, 'hub refused queued items; kept as held');
        }
        this.options.onChange();
        if (recorded.sent === 0 && recorded.held === 0) break; // nothing moved: do not loop on it
      }
      for (;;) {
        const feed = await client.statuses(outbox.statusCursor());
        if (feed.events.length > 0 || feed.cursor !== outbox.statusCursor()) outbox.applyStatuses(feed);
        if (!feed.more) break;
      }
      const counts = outbox.counts();
      const lastSyncAt = this.options.now().toISOString();
      await client.heartbeat(counts.pending + counts.held, lastSyncAt);
      this.state.hubReachable = true;
      this.state.attempt = 0;
      this.state.lastSyncAt = lastSyncAt;
      this.options.persist('lastSyncAt', lastSyncAt);
      this.setError(counts.held > 0 ? outbox.heldError() : null);
      this.schedule(this.options.idleMs ?? 30_000);
    } catch (error) {
      this.state.attempt += 1;
      if (error instanceof HubUnreachableError) {
        this.state.hubReachable = false;
        this.setError('hub_unreachable');
      } else if (error instanceof HubHttpError) {
        this.state.hubReachable = true;
        this.setError(error.status === 401 ? 'hub_unauthorized' : error.status === 403 ? 'kiosk_revoked' : `hub_${error.status}`);
      } else {
        this.setError('sync_failed');
        log.error({ event: 'sync.failed', err: { message: (error as Error).message } }, 'sync run failed');
      }
      const delay = backoffDelay(this.state.attempt, this.random(), this.options.backoff ?? DEFAULT_BACKOFF);
      log.info({ event: 'sync.retry', attempt: this.state.attempt, delayMs: delay, error: this.state.lastError }, 'sync will retry');
      this.schedule(delay);
    }
    this.options.onChange();
    return this.snapshot;
  }

  private setError(error: string | null): void {
    if (this.state.lastError === error) return;
    this.state.lastError = error;
    this.options.persist('lastError', error);
  }
}
