import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { LibraryKind, LibraryParagraph, ParsedDocument } from './library-types';

/**
 * Turns one content-pack or imported file (.md or .txt) into a titled, dated list of units.
 * Laws: every `第X条` article is a unit and the paragraphs (款) after it belong to it; headings
 * (`## 第一章 …`, `### 第一节 …`) become the unit's heading path. Other kinds: one unit per paragraph.
 */

const frontMatterSchema = z
  .object({
    title: z.string().min(1).optional(),
    date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2024-11-08'), z.null()]).optional(),
    versionNote: z.string().min(1).optional(),
    source: z.string().optional(),
  })
  .passthrough();

const ARTICLE_START = /^第[一二三四五六七八九十百千零〇两\d]+条/;
const INFO_END = '<!-- INFO END -->';
/** A unit longer than this is cut at sentence ends, so snippets and the reader stay usable. */
const MAX_UNIT_CHARS = 1500;

export class DocumentParseError extends Error {
  constructor(fileName: string, detail: string) {
    super(`${fileName}: ${detail}`);
    this.name = 'DocumentParseError';
  }
}

export function parseDocument(source: string, options: { kind: LibraryKind; fileName: string }): ParsedDocument {
  const { kind, fileName } = options;
  const isMarkdown = /\.md$/i.test(fileName);
  let text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let front: z.infer<typeof frontMatterSchema> = {};
  if (text.startsWith('---\n')) {
    const end = text.indexOf('\n---', 4);
    if (end < 0) throw new DocumentParseError(fileName, 'front matter starts with --- but never ends');
    const parsed = frontMatterSchema.safeParse(parseYaml(text.slice(4, end)) ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DocumentParseError(fileName, `front matter field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}`);
    }
    front = parsed.data;
    text = text.slice(text.indexOf('\n', end + 4) + 1 || text.length);
  }

  let lines = text.split('\n');
  const titleParts: string[] = [];
  const infoLines: string[] = [];
  const markerAt = lines.findIndex((line) => line.trim() === INFO_END);
  if (markerAt >= 0) {
    for (const line of lines.slice(0, markerAt)) {
      const trimmed = cleanLine(line);
      if (!trimmed) continue;
      if (/^#\s/.test(trimmed)) titleParts.push(trimmed.replace(/^#\s+/, ''));
      else if (/^\d{4}年/.test(trimmed) || /(通过|修正|修订|施行|公布|发布)/.test(trimmed)) infoLines.push(trimmed.replace(/[）)]$/, ''));
    }
    lines = lines.slice(markerAt + 1);
  } else {
    // A leading `# Title` (possibly two, as in the Civil Code books) is the title, not a heading.
    let i = 0;
    while (i < lines.length && !cleanLine(lines[i] ?? '')) i++;
    while (i < lines.length && /^#\s/.test(cleanLine(lines[i] ?? ''))) {
      titleParts.push(cleanLine(lines[i] ?? '').replace(/^#\s+/, ''));
      i++;
      while (i < lines.length && !cleanLine(lines[i] ?? '')) i++;
    }
    lines = lines.slice(i);
  }

  // Court cases: the file name holds the case name; the `#` line is the case's point of law,
  // which residents should read first, so it becomes the opening paragraph.
  const caseGist = kind === 'case' && markerAt >= 0 && titleParts.length > 0 ? titleParts.join(' ') : null;
  const title = front.title ?? (caseGist !== null || titleParts.length === 0 ? titleFromFileName(fileName, kind) : titleParts.join(' '));
  const enactment = infoLines.filter((line) => !/施行$/.test(line));
  const date = front.date !== undefined ? front.date : (dateFromFileName(fileName) ?? latestDate(enactment.length > 0 ? enactment : infoLines));
  const versionNote = front.versionNote ?? (infoLines.length > 0 ? infoLines.join('\n') : null);
  const paragraphs = splitUnits(caseGist !== null ? [caseGist, '', ...lines] : lines, { kind, isMarkdown });
  if (paragraphs.length === 0) throw new DocumentParseError(fileName, 'no text after the title');
  return { title, date, versionNote, paragraphs };
}

function cleanLine(line: string): string {
  return line.replace(/[\u3000\u00a0]/g, ' ').trim();
}

function titleFromFileName(fileName: string, kind: LibraryKind): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(md|txt)$/i, '').replace(/\(\d{4}-\d{2}-\d{2}\)$/, '');
  // Corpus files are named `<category>_<title>`.
  const underscore = base.indexOf('_');
  return (kind !== 'policy' && underscore > 0 ? base.slice(underscore + 1) : base).trim() || base;
}

export function dateFromFileName(fileName: string): string | null {
  return /\((\d{4}-\d{2}-\d{2})\)\.(md|txt)$/i.exec(fileName)?.[1] ?? null;
}

/** The latest `YYYY年M月D日` among the enactment lines: the version the text reflects. */
export function latestDate(lines: readonly string[]): string | null {
  let best: string | null = null;
  for (const line of lines) {
    for (const m of line.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) {
      const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
      if (best === null || iso > best) best = iso;
    }
  }
  return best;
}

const TXT_H1 = /^[一二三四五六七八九十]+、\S.{0,28}$/;
const TXT_H2 = /^[（(][一二三四五六七八九十]+[)）]\s?\S.{0,28}$/;

function txtHeadingLevel(line: string): number | null {
  if (/[。；;:：]$/.test(line) || /[。；;]/.test(line)) return null;
  if (TXT_H1.test(line)) return 2;
  if (TXT_H2.test(line)) return 3;
  return null;
}

function splitUnits(lines: readonly string[], options: { kind: LibraryKind; isMarkdown: boolean }): LibraryParagraph[] {
  const units: Array<{ heading: string | null; text: string }> = [];
  const headingStack: string[] = [];
  let heading: string | null = null;
  let block: string[] = [];
  let openArticle = false;

  const setHeading = (level: number, textOfHeading: string): void => {
    flush();
    headingStack.length = Math.max(0, level - 1);
    headingStack[level - 1] = textOfHeading.replace(/\s+/g, ' ');
    heading = headingStack.filter(Boolean).join(' · ') || null;
    openArticle = false;
  };

  function flush(): void {
    if (block.length === 0) return;
    const paragraph = joinLines(block);
    block = [];
    if (!paragraph) return;
    const last = units[units.length - 1];
    if (options.kind === 'law' && openArticle && last && !ARTICLE_START.test(paragraph)) {
      last.text += `\n${paragraph}`;
      return;
    }
    openArticle = options.kind === 'law' && ARTICLE_START.test(paragraph);
    units.push({ heading, text: paragraph });
  }

  for (const raw of lines) {
    const line = cleanLine(raw);
    if (/^<!--.*-->$/.test(line)) continue;
    const md = /^(#{1,6})\s+(.+)$/.exec(line);
    if (md) {
      setHeading(Math.max(1, (md[1] ?? '#').length - 1), md[2] ?? '');
      continue;
    }
    if (!options.isMarkdown) {
      const level = txtHeadingLevel(line);
      if (level !== null) {
        setHeading(level - 1, line);
        continue;
      }
      // Plain text: one line, one paragraph.
      flush();
      if (line) block.push(line);
      flush();
      continue;
    }
    if (!line) flush();
    else block.push(line);
  }
  flush();

  const out: LibraryParagraph[] = [];
  for (const unit of units) {
    for (const piece of splitLong(unit.text)) out.push({ ordinal: out.length, heading: unit.heading, text: piece });
  }
  return out;
}

/** Markdown soft line breaks: Chinese joins without a space, Latin text with one. */
function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (!out) out = line;
    else out += /[\u3000-\u9fff\uff00-\uffef]$/.test(out) || /^[\u3000-\u9fff\uff00-\uffef]/.test(line) ? line : ` ${line}`;
  }
  return out.trim();
}

function splitLong(text: string): string[] {
  if (text.length <= MAX_UNIT_CHARS) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > MAX_UNIT_CHARS) {
    const window = rest.slice(0, MAX_UNIT_CHARS);
    const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'), window.lastIndexOf('\n'));
    const at = cut > MAX_UNIT_CHARS / 3 ? cut + 1 : MAX_UNIT_CHARS;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at);
  }
  if (rest.trim()) pieces.push(rest.trim());
  return pieces;
}
