import { z } from 'zod';
import { method } from '../api/method';
import { ApiError } from '../api/api-error';
import type { SiteConfig } from '../../../kiosk-config/site-schema';
import { LANGUAGES } from '../../../kiosk-config/site-schema';
import type { Guide, Localized } from './guide-schema';
import { buildTakeAwayText } from './take-away-text';

export interface GuideSummary {
  id: string;
  title: Localized;
  category: Localized;
  summary: Localized;
}

export interface GuideView {
  id: string;
  title: Localized;
  category: Localized;
  whoMayApply: Localized;
  materials: Localized[];
  steps: Localized[];
  where: Localized;
  /** The guide's own hours, or the office hours from the site config. */
  hours: Localized;
  cost: Localized;
  /** Markdown; render with marked + DOMPurify. */
  body: Localized;
  /** Compact plain text for a QR code (<= 800 UTF-8 bytes), in the requested language. */
  takeAwayText: string;
}

const SERVE_TO = ['kiosk', 'desk'] as const;

export const guidesMethods = {
  guidesList: method<GuideSummary[]>()({ input: z.object({}).strict(), roles: SERVE_TO }),
  guideGet: method<GuideView>()({
    input: z.object({ id: z.string().min(1).max(80), lang: z.enum(LANGUAGES).optional() }).strict(),
    roles: SERVE_TO,
  }),
};

export function guidesHandlers(guides: readonly Guide[], site: SiteConfig) {
  const byId = new Map(guides.map((g) => [g.id, g]));
  return {
    guidesList: (): GuideSummary[] => guides.map((g) => ({ id: g.id, title: g.title, category: g.category, summary: g.summary })),
    guideGet: (input: { id: string; lang?: (typeof LANGUAGES)[number] }): GuideView => {
      const g = byId.get(input.id);
      if (!g) throw new ApiError('not_found', 'no such guide', { params: { what: 'guide' } });
      return {
        id: g.id,
        title: g.title,
        category: g.category,
        whoMayApply: g.whoMayApply,
        materials: g.materials,
        steps: g.steps,
        where: g.where,
        hours: g.hours ?? site.office.hours,
        cost: g.cost,
        body: g.body,
        takeAwayText: buildTakeAwayText(g, site.office, input.lang ?? site.defaultLanguage),
      };
    },
  };
}
