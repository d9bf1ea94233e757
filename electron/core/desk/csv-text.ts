/**
 * CSV for office spreadsheets: UTF-8 with BOM (so Excel reads Chinese), CRLF, RFC 4180 quoting,
 * and cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export type CsvCell = string | number | boolean | null | undefined;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** `<prefix>-YYYYMMDD-HHMM.csv` in local time. */
export function csvFilename(prefix: string, at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${prefix}-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}.csv`;
}
