import { z } from 'zod';

/**
 * Date filters as the desk sends them: a calendar day `YYYY-MM-DD` (the office's local day) or
 * a full ISO timestamp. `to` days are inclusive: the range ends at the next local midnight.
 */
export const dateOrTimestamp = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  z.iso.datetime({ offset: true }),
]);

export function rangeStart(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? localMidnight(value).toISOString() : new Date(value).toISOString();
}

export function rangeEnd(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value).toISOString();
  const day = localMidnight(value);
  day.setDate(day.getDate() + 1);
  return day.toISOString();
}

function localMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0, 0);
}
