/** ISO 8601 weeks (Monday first; week 1 holds the year's first Thursday), in local time. */
export interface IsoWeek {
  /** e.g. `2026-W03` */
  week: string;
  /** Local date of that week's Monday, `YYYY-MM-DD`. */
  weekStart: string;
}

const DAY_MS = 86_400_000;

export function mondayOf(date: Date): Date {
  const offset = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - offset);
}

export function isoWeek(date: Date): IsoWeek {
  const monday = mondayOf(date);
  const thursday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 3);
  const year = thursday.getFullYear();
  const dayOfYear = Math.round((thursday.getTime() - new Date(year, 0, 1).getTime()) / DAY_MS);
  const week = Math.floor(dayOfYear / 7) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, weekStart: localDate(monday) };
}

export function localDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Every ISO week from the one holding `start` to the one holding `end`, at most `max` of them (the latest). */
export function weeksBetween(start: Date, end: Date, max = 106): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  const last = mondayOf(end).getTime();
  for (let monday = mondayOf(start); monday.getTime() <= last; monday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7)) {
    weeks.push(isoWeek(monday));
  }
  return weeks.slice(-max);
}
