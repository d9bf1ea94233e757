import type { InputOf, MethodName, ResultOf } from '../../electron/core/api/contract';
import type { Envelope } from '../../electron/core/api/dispatch';
import type { ApiErrorPayload } from '../../electron/core/api/api-error';
import type { CoreEvent, CoreEventMap, CoreEventName } from '../../electron/core/api/events';
import type { SifaBridge } from './bridge-types';

/** Thrown by api.<method>() when the core refuses; `payload.code` maps to `errors.<code>`. */
export class ApiCallError extends Error {
  readonly payload: ApiErrorPayload;
  constructor(payload: ApiErrorPayload) {
    super(payload.detail ?? payload.code);
    this.name = 'ApiCallError';
    this.payload = payload;
  }
}

/**
 * The browser host's side of the same bridge: POST /api/<method> and one WebSocket for events.
 * The launch token travels as an HttpOnly cookie set by the host, so this code never sees it.
 */
function browserBridge(): SifaBridge {
  const listeners = new Set<(event: CoreEvent) => void>();
  let socket: WebSocket | null = null;
  let retryMs = 500;
  const connect = (): void => {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/events`);
    socket = ws;
    ws.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as CoreEvent;
      for (const listener of [...listeners]) listener(event);
    };
    ws.onopen = () => {
      retryMs = 500;
    };
    ws.onclose = () => {
      socket = null;
      if (listeners.size > 0) setTimeout(connect, (retryMs = Math.min(retryMs * 2, 8000)));
    };
  };
  return {
    async call(method, input, session) {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ input, session }),
        });
      } catch {
        return { ok: false, error: { code: 'internal', detail: 'host unreachable' } } satisfies Envelope;
      }
      return (await response.json()) as Envelope;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

const bridge: SifaBridge = typeof window !== 'undefined' && window.sifa ? window.sifa : browserBridge();

let staffSession: string | undefined;

/** Desk: the staff session token returned by sign-in, sent with every call until sign-out. */
export function setStaffSession(token: string | undefined): void {
  staffSession = token;
}

export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> {
  const envelope = await bridge.call(method, input, staffSession);
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.result as ResultOf<M>;
}

export function onEvent<E extends CoreEventName>(name: E, listener: (payload: CoreEventMap[E]) => void): () => void {
  return bridge.subscribe((event) => {
    if (event.name === name) listener(event.payload as CoreEventMap[E]);
  });
}

type ApiMethods = { [M in MethodName]: (input: InputOf<M>) => Promise<ResultOf<M>> };

/** `api.librarySearch({...})`: renderer code never knows which host it runs in. */
export const api: ApiMethods = new Proxy({} as ApiMethods, {
  get: (_target, method: string) => (input: unknown) => call(method as MethodName, input as never),
});
