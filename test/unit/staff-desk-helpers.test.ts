import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoWeek, weeksBetween } from '../../electron/core/desk/iso-week';
import { csvCell, toCsv } from '../../electron/core/desk/csv-text';
import { median, isMediationForm } from '../../electron/core/desk/dashboard-stats';
import { rangeEnd, rangeStart } from '../../electron/core/desk/date-range';
import { visiblePages } from '../../renderer/desk/desk-nav';
import { actionsFor } from '../../renderer/desk/inbox/inbox-actions';

describe('ISO weeks', () => {
  it('matches known ISO week numbers, including year edges', () => {
    expect(isoWeek(new Date(2026, 0, 1)).week).toBe('2026-W01'); // Thursday
    expect(isoWeek(new Date(2027, 0, 1)).week).toBe('2026-W53'); // Friday of 2026's week 53
    expect(isoWeek(new Date(2024, 11, 30)).week).toBe('2025-W01');
    expect(isoWeek(new Date(2021, 0, 3)).week).toBe('2020-W53');
    expect(isoWeek(new Date(2026, 2, 8, 23, 59))).toEqual({ week: '2026-W10', weekStart: '2026-03-02' });
  });

  it('every day of a week maps to that week, and consecutive weeks are listed once each', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (offset) => {
        const day = new Date(2020, 0, 1 + offset);
        const monday = new Date(day.getFullYear(), day.getMonth(), day.getDate() - ((day.getDay() + 6) % 7));
        expect(isoWeek(day)).toEqual(isoWeek(monday));
      }),
    );
    const weeks = weeksBetween(new Date(2026, 2, 4), new Date(2026, 3, 1));
    expect(weeks.map((w) => w.week)).toEqual(['2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
  });
});

describe('dashboard helpers', () => {
  it('median and mediation form ids', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(isMediationForm('mediation')).toBe(true);
    expect(isMediationForm('legal-aid')).toBe(false);
  });

  it('date filters: days are local and `to` is inclusive', () => {
    expect(rangeStart('2026-03-02')).toBe(new Date(2026, 2, 2).toISOString());
    expect(rangeEnd('2026-03-02')).toBe(new Date(2026, 2, 3).toISOString());
    expect(rangeEnd('2026-03-02T10:00:00Z')).toBe('2026-03-02T10:00:00.000Z');
    expect(rangeStart(undefined)).toBeUndefined();
  });
});

describe('CSV', () => {
  it('quotes, neutralises formulas and starts with a BOM', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, '张三']])).toBe('\ufeffa,b\r\n1,张三\r\n');
  });
});

describe('desk UI mirrors of core rules', () => {
  it('shows each role the pages its permissions allow', () => {
    expect(visiblePages('director')).toEqual(['inbox', 'walkin', 'dashboard', 'kiosks', 'audit']);
    expect(visiblePages('staff')).toEqual(['inbox', 'walkin', 'dashboard']);
    expect(visiblePages('assistant')).toEqual(['inbox', 'walkin']);
    expect(visiblePages('admin')).toEqual(['dashboard', 'kiosks', 'audit', 'staff']);
  });

  it('offers the inbox actions the status flow allows', () => {
    expect(actionsFor('received')).toEqual(['accept', 'requestMaterials', 'transfer', 'reject']);
    expect(actionsFor('accepted')).toEqual(['resolve', 'requestMaterials', 'transfer', 'reject']);
    expect(actionsFor('resolved')).toEqual([]);
  });
});
