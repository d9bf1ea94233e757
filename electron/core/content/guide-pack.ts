import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { guideFrontMatterSchema, type Guide } from './guide-schema';

/** A guide file that cannot be used; the message names the file and the field. */
export class GuideFileError extends Error {
  readonly file: string;
  readonly field: string;
  constructor(file: string, field: string, detail: string) {
    super(`${file}: ${field ? `field "${field}": ` : ''}${detail}`);
    this.name = 'GuideFileError';
    this.file = file;
    this.field = field;
  }
}

/** Splits `---\n<yaml>\n---\n<markdown>`; front matter is required for guides. */
export function splitFrontMatter(text: string, file: string): { data: unknown; body: string } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalized.startsWith('---\n')) throw new GuideFileError(file, '', 'must start with a --- front matter block');
  const end = normalized.indexOf('\n---', 4);
  if (end < 0) throw new GuideFileError(file, '', 'front matter has no closing ---');
  let data: unknown;
  try {
    data = parseYaml(normalized.slice(4, end));
  } catch (error) {
    throw new GuideFileError(file, '', `front matter is not valid YAML: ${(error as Error).message}`);
  }
  const bodyStart = normalized.indexOf('\n', end + 4);
  return { data, body: bodyStart < 0 ? '' : normalized.slice(bodyStart + 1).trim() };
}

export function parseGuide(text: string, englishBody: string | null, file: string): Guide {
  const { data, body } = splitFrontMatter(text, file);
  const parsed = guideFrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      field: [...issue.path.map(String), ...(issue.code === 'unrecognized_keys' ? issue.keys : [])].join('.'),
      message: issue.message,
    }));
    const [first, ...rest] = problems;
    const more = rest.map((p) => `; field "${p.field}": ${p.message}`).join('');
    throw new GuideFileError(file, first?.field ?? '', `${first?.message ?? 'invalid'}${more}`);
  }
  const expectedName = `${parsed.data.id}.md`;
  if (!file.endsWith(expectedName)) throw new GuideFileError(file, 'id', `id "${parsed.data.id}" must match the file name (${expectedName})`);
  if (!body) throw new GuideFileError(file, 'body', 'the zh-CN Markdown body after the front matter is empty');
  if (!englishBody?.trim()) throw new GuideFileError(file.replace(/\.md$/, '.en.md'), 'body', 'the English body file is missing or empty');
  const { hours, ...rest } = parsed.data;
  return { ...rest, hours: hours ?? null, body: { 'zh-CN': body, en: englishBody.trim() } };
}

/**
 * Reads every `<id>.md` (+ `<id>.en.md`) in the guides folder. A broken file is reported in
 * `errors` and left out, so one typo does not take every guide off the kiosk.
 */
export function loadGuides(dir: string): { guides: Guide[]; errors: GuideFileError[] } {
  const guides: Guide[] = [];
  const errors: GuideFileError[] = [];
  if (!existsSync(dir)) return { guides, errors };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md') && !f.endsWith('.en.md') && f.toLowerCase() !== 'readme.md').sort()) {
    const file = join(dir, name);
    const enFile = file.replace(/\.md$/, '.en.md');
    try {
      guides.push(parseGuide(readFileSync(file, 'utf8'), existsSync(enFile) ? readFileSync(enFile, 'utf8') : null, file));
    } catch (error) {
      if (error instanceof GuideFileError) errors.push(error);
      else errors.push(new GuideFileError(file, '', (error as Error).message));
    }
  }
  guides.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { guides, errors };
}
