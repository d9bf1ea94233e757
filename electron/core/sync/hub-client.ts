import { HUB_PATHS, pairResponseSchema, pushResponseSchema, statusResponseSchema, type PairRequest, type PairResponse, type PushItem, type PushResponse, type StatusResponse } from './sync-protocol';

/** The hub answered with an error status (problem+json when it could). */
export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly problemType: string,
  ) {
    super(`hub answered ${status} ${problemType}`);
    this.name = 'HubHttpError';
  }
}

/** The hub could not be reached at all (refused, timed out, DNS). */
export class HubUnreachableError extends Error {
  constructor(cause: string) {
    super(`hub unreachable: ${cause}`);
    this.name = 'HubUnreachableError';
  }
}

/** The kiosk's HTTP client for the desk hub (global fetch, keep-alive, per-request timeout). */
export class HubClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 15_000,
  ) {}

  pair(request: PairRequest): Promise<PairResponse> {
    return this.call('POST', HUB_PATHS.pair, request).then((v) => pairResponseSchema.parse(v));
  }

  push(items: readonly PushItem[], queueDepth: number): Promise<PushResponse> {
    return this.call('POST', HUB_PATHS.push, { items, queueDepth }).then((v) => pushResponseSchema.parse(v) as PushResponse);
  }

  statuses(since: number): Promise<StatusResponse> {
    return this.call('GET', `${HUB_PATHS.statuses}?since=${since}`).then((v) => statusResponseSchema.parse(v));
  }

  heartbeat(queueDepth: number, lastSyncAt: string | null): Promise<void> {
    return this.call('POST', HUB_PATHS.heartbeat, { queueDepth, lastSyncAt }).then(() => undefined);
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new HubUnreachableError(cause);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new HubUnreachableError((error as Error).name);
    }
    if (!response.ok) {
      let type = 'unknown';
      try {
        type = (JSON.parse(text) as { type?: string }).type ?? type;
      } catch {
        // not problem+json; the status says enough
      }
      throw new HubHttpError(response.status, type);
    }
    return JSON.parse(text) as unknown;
  }
}
