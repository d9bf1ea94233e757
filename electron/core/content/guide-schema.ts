import { z } from 'zod';
import { localizedText } from '../../../kiosk-config/site-schema';

/**
 * Front matter of `kiosk-config/content/guides/<id>.md`. Every resident-facing field carries both
 * languages; the zh-CN Markdown body follows the front matter and the English body lives in
 * `<id>.en.md` (see kiosk-config/content/README.md).
 */
export const guideFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens, e.g. legal-aid'),
    order: z.number().int().min(0).default(100),
    title: localizedText,
    category: localizedText,
    summary: localizedText,
    whoMayApply: localizedText,
    materials: z.array(localizedText).min(1),
    steps: z.array(localizedText).min(1),
    where: localizedText,
    /** Omit to use the office hours from the site config. */
    hours: localizedText.optional(),
    /** The office charges for none of these services, and the guide must say so. */
    cost: z.object({ 'zh-CN': z.literal('免费'), en: z.string().min(1) }).strict(),
  })
  .strict();

export type GuideFrontMatter = z.infer<typeof guideFrontMatterSchema>;
export type Localized = z.infer<typeof localizedText>;

export interface Guide extends Omit<GuideFrontMatter, 'hours'> {
  hours: Localized | null;
  body: Localized;
}
