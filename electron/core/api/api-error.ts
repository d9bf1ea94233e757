/**
 * Errors that cross the API boundary. They carry a stable code plus parameters; the renderer
 * turns `errors.<code>` into a sentence in the resident's language, so no user-facing text is
 * built here.
 */
export const API_ERROR_CODES = [
  'unknown_method',
  'role_forbidden',
  'unauthenticated',
  'permission_denied',
  'invalid_input',
  'not_found',
  'conflict',
  'locked',
  'rate_limited',
  'device_unavailable',
  'storage_full',
  'storage_failure',
  'hub_unreachable',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorIssue {
  /** Dotted path of the offending field, e.g. `applicant.phone`. */
  path: string;
  /** i18n key of the reason, e.g. `validation.required`. */
  key: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorPayload {
  code: ApiErrorCode;
  /** Developer-facing detail in English; never shown to residents, never contains personal data. */
  detail?: string;
  /** i18n params for `errors.<code>`. */
  params?: Record<string, string | number>;
  issues?: ApiErrorIssue[];
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly params?: Record<string, string | number>;
  readonly issues?: ApiErrorIssue[];

  constructor(code: ApiErrorCode, detail?: string, extra: { params?: Record<string, string | number>; issues?: ApiErrorIssue[] } = {}) {
    super(detail ?? code);
    this.name = 'ApiError';
    this.code = code;
    this.params = extra.params;
    this.issues = extra.issues;
  }

  toPayload(): ApiErrorPayload {
    return { code: this.code, detail: this.message, params: this.params, issues: this.issues };
  }
}

export function isApiErrorPayload(value: unknown): value is ApiErrorPayload {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
    && (API_ERROR_CODES as readonly string[]).includes((value as { code: string }).code);
}
