import { describe, expect, it } from 'vitest';
import chinese from 'simple-keyboard-layouts/build/layouts/chinese';
import { candidatesFor, createPinyinIndex, segmentBuffer } from '../../renderer/ui/pinyin-composer';
import { sanitizeForKind, shapeDate } from '../../renderer/ui/field-kind';
import { padLayout, textLayout } from '../../renderer/ui/keyboard-layouts';
import { idleTiming } from '../../renderer/kiosk/idle-timing';

const index = createPinyinIndex((chinese as { layoutCandidates?: Record<string, string> }).layoutCandidates ?? {});
const texts = (buffer: string) => candidatesFor(index, buffer).map((c) => c.text);

describe('pinyin composition', () => {
  it('offers the characters of 法律援助 for their syllables', () => {
    expect(texts('fa')).toContain('法');
    expect(texts('lv')).toContain('律');
    expect(texts('yuan')).toContain('援');
    expect(texts('zhu')).toContain('助');
  });

  it('offers the first syllable of a longer buffer and consumes only it', () => {
    const first = candidatesFor(index, 'falv').find((c) => c.text === '法');
    expect(first).toEqual({ text: '法', consume: 2 });
    expect(segmentBuffer(index, 'falvyuanzhu')).toEqual(['fa', 'lv', 'yuan', 'zhu']);
  });

  it('completes a prefix that is not yet a syllable', () => {
    expect(texts('yua')).toContain('元');
    expect(candidatesFor(index, 'zh').every((c) => c.consume === 2)).toBe(true);
    expect(texts('zh').length).toBeGreaterThan(10);
  });

  it('offers nothing for an empty buffer or letters no syllable starts with', () => {
    expect(texts('')).toEqual([]);
    expect(texts('vvv')).toEqual([]);
  });

  it('never repeats a candidate', () => {
    const list = texts('zhu');
    expect(new Set(list).size).toBe(list.length);
  });
});

describe('field kinds', () => {
  it('ID numbers take digits and an upper-case X only, up to the limit', () => {
    expect(sanitizeForKind('32010219560301123x', 'idNumber', 18)).toBe('32010219560301123X');
    expect(sanitizeForKind('3201 0219-abc', 'idNumber', 18)).toBe('32010219');
    expect(sanitizeForKind('1234567890123456789', 'idNumber', 18)).toHaveLength(18);
  });

  it('numeric and phone fields drop letters', () => {
    expect(sanitizeForKind('12a3', 'numeric')).toBe('123');
    expect(sanitizeForKind('025-0000 1234', 'phone')).toBe('025-00001234');
  });

  it('dates are shaped while typing', () => {
    expect(shapeDate('1956')).toBe('1956');
    expect(shapeDate('195603')).toBe('1956-03');
    expect(shapeDate('19560301')).toBe('1956-03-01');
    expect(sanitizeForKind('1956-03-01', 'date')).toBe('1956-03-01');
    expect(sanitizeForKind('195603019', 'date')).toBe('1956-03-01');
  });

  it('single-line text loses newlines; length counts characters, not UTF-16 units', () => {
    expect(sanitizeForKind('a\nb', 'text')).toBe('a b');
    expect(sanitizeForKind('a\nb', 'textarea')).toBe('a\nb');
    expect(sanitizeForKind('𠀀𠀀𠀀', 'text', 2)).toBe('𠀀𠀀');
  });

  it('the ID pad has an X key and every text layout has backspace and the 中/ABC toggle', () => {
    expect(padLayout('idNumber').join(' ')).toContain('X');
    expect(padLayout('numeric').join(' ')).not.toContain('X');
    for (const rows of Object.values(textLayout(false))) expect(rows.join(' ')).toContain('{bksp}');
    expect(textLayout(false).pinyin.join(' ')).toContain('{mode}');
  });
});

describe('idle timing', () => {
  const site = { idleTimeoutSeconds: 90, idleCountdownSeconds: 20, demo: true };
  it('uses the site settings by default', () => {
    expect(idleTiming(site, '')).toEqual({ timeoutMs: 90_000, countdownSeconds: 20 });
  });
  it('a demo site honours ?idle= and ?countdown=', () => {
    expect(idleTiming(site, '?idle=5&countdown=3')).toEqual({ timeoutMs: 5000, countdownSeconds: 3 });
  });
  it('a production site ignores them, and nonsense is ignored', () => {
    expect(idleTiming({ ...site, demo: false }, '?idle=5')).toEqual({ timeoutMs: 90_000, countdownSeconds: 20 });
    expect(idleTiming(site, '?idle=0&countdown=abc')).toEqual({ timeoutMs: 90_000, countdownSeconds: 20 });
  });
});
