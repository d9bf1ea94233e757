import type { TFunction } from 'i18next';
import { ApiCallError } from '../api/client';

/** Small display helpers shared by the desk pages. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function localDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function errorCode(error: unknown): string {
  return error instanceof ApiCallError ? error.payload.code : 'internal';
}

/** `errors.<code>` with the error's params; never the developer detail. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) return t(`errors.${error.payload.code}`, { ...(error.payload.params ?? {}), minutes: error.payload.params?.minutes ?? 5 });
  return t('errors.internal');
}

/** Issue messages of an invalid_input refusal, keyed by input path. */
export function issueTexts(t: TFunction, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiCallError)) return out;
  for (const issue of error.payload.issues ?? []) out[issue.path] = t(issue.key, issue.params ?? {});
  return out;
}

/** Saves text as a file through a Blob link (the desk has no file dialog of its own). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
