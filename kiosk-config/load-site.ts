import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../electron/app-root';
import type { z } from 'zod';
import { siteSchema, type SiteConfig } from './site-schema';

export const DEMO_SITE_FILE = join(APP_ROOT, 'kiosk-config/sites/demo-office.json');

export interface SiteProblem {
  file: string;
  /** Dotted path, e.g. `devices.idcard.port`; empty for a file-level problem. */
  field: string;
  expected: string;
  found: string;
}

export class SiteConfigError extends Error {
  readonly problems: SiteProblem[];
  constructor(problems: SiteProblem[]) {
    super(formatSiteProblems(problems));
    this.name = 'SiteConfigError';
    this.problems = problems;
  }
}

/** Reads and validates one site file; throws SiteConfigError naming the file and every bad field. */
export function loadSiteFile(file: string, overrides: Partial<Pick<SiteConfig, 'role'>> = {}): SiteConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SiteConfigError([{ file, field: '', expected: 'a readable JSON file', found: (error as NodeJS.ErrnoException).code ?? 'unreadable' }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SiteConfigError([{ file, field: '', expected: 'valid JSON', found: (error as Error).message }]);
  }
  if (raw && typeof raw === 'object' && overrides.role) (raw as Record<string, unknown>).role = overrides.role;
  const parsed = siteSchema.safeParse(raw);
  if (!parsed.success) throw new SiteConfigError(parsed.error.issues.map((issue) => describeIssue(file, raw, issue)));
  return parsed.data;
}

function describeIssue(file: string, raw: unknown, issue: z.core.$ZodIssue): SiteProblem {
  const path = issue.path.map(String);
  const field = path.join('.');
  if (issue.code === 'unrecognized_keys') {
    return { file, field: [...path, ...issue.keys].join('.'), expected: 'no such field (remove it or check its spelling)', found: issue.keys.join(', ') };
  }
  const found = valueAt(raw, issue.path);
  let expected = issue.message;
  if (issue.code === 'invalid_type') expected = issue.expected;
  else if (issue.code === 'invalid_value') expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  else if (issue.code === 'too_small') expected = `at least ${String(issue.minimum)}`;
  else if (issue.code === 'too_big') expected = `at most ${String(issue.maximum)}`;
  return { file, field, expected, found: found === undefined ? 'nothing (missing)' : truncate(JSON.stringify(found)) };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Both languages, because the person reading a start-up failure may be either. */
export function formatSiteProblems(problems: readonly SiteProblem[]): string {
  const lines: string[] = [];
  const file = problems[0]?.file ?? '';
  lines.push(`站点配置有误，程序未启动：${file}`);
  for (const p of problems) {
    lines.push(p.field ? `  · 字段 ${p.field}：应为 ${p.expected}，实际为 ${p.found}` : `  · 文件本身：应为 ${p.expected}，实际为 ${p.found}`);
  }
  lines.push(`Site configuration is invalid; the app did not start: ${file}`);
  for (const p of problems) {
    lines.push(p.field ? `  - field ${p.field}: expected ${p.expected}, found ${p.found}` : `  - the file itself: expected ${p.expected}, found ${p.found}`);
  }
  return lines.join('\n');
}
