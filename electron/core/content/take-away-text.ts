import type { Language, SiteConfig } from '../../../kiosk-config/site-schema';
import type { Guide } from './guide-schema';

/** A QR code of this many UTF-8 bytes still scans reliably from a phone held at arm's length. */
export const TAKE_AWAY_MAX_BYTES = 800;

const LABELS: Record<Language, { materials: string; steps: string; where: string; hours: string; phone: string; cost: string; sep: string }> = {
  'zh-CN': { materials: '带齐材料：', steps: '办理步骤：', where: '地点：', hours: '时间：', phone: '电话：', cost: '费用：', sep: '；' },
  en: { materials: 'Bring: ', steps: 'Steps: ', where: 'Where: ', hours: 'Hours: ', phone: 'Phone: ', cost: 'Cost: ', sep: '; ' },
};

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * Plain text a resident can carry away by scanning a QR code: what to bring, what happens, and
 * how to reach the office. Items are shortened step by step until it fits TAKE_AWAY_MAX_BYTES.
 */
export function buildTakeAwayText(guide: Guide, office: SiteConfig['office'], lang: Language = 'zh-CN'): string {
  const l = LABELS[lang];
  const hours = (guide.hours ?? office.hours)[lang];
  const render = (itemMax: number, keepSteps: number): string => {
    const steps = guide.steps.slice(0, keepSteps).map((s, i) => `${i + 1}.${clip(s[lang], itemMax)}`);
    if (keepSteps < guide.steps.length) steps.push('…');
    return [
      `${guide.title[lang]} · ${office.name[lang]}`,
      `${l.materials}${guide.materials.map((m, i) => `${i + 1}.${clip(m[lang], itemMax)}`).join(l.sep)}`,
      `${l.steps}${steps.join(l.sep)}`,
      `${l.where}${clip(guide.where[lang], itemMax)}`,
      `${l.hours}${clip(hours, 60)}`,
      `${l.phone}${office.phone}`,
      `${l.cost}${guide.cost[lang]}`,
    ].join('\n');
  };
  for (let itemMax = 60; itemMax >= 8; itemMax -= 4) {
    const text = render(itemMax, guide.steps.length);
    if (bytes(text) <= TAKE_AWAY_MAX_BYTES) return text;
  }
  for (let keep = guide.steps.length - 1; keep >= 1; keep--) {
    const text = render(8, keep);
    if (bytes(text) <= TAKE_AWAY_MAX_BYTES) return text;
  }
  // Last resort: cut at a character boundary below the budget.
  let text = render(8, 1);
  while (bytes(text) > TAKE_AWAY_MAX_BYTES) text = Array.from(text).slice(0, -2).join('');
  return text;
}
