import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formSchema, type FormDefinition } from '../../../kiosk-config/forms/form-schema';

export interface FormProblem {
  file: string;
  /** Dotted path inside the form, e.g. `groups.2.questions.0.options`; empty for the file itself. */
  field: string;
  message: string;
}

export class FormConfigError extends Error {
  readonly problems: FormProblem[];
  constructor(problems: FormProblem[]) {
    super(['表单文件有误 / A form file is invalid:', ...problems.map((p) => `  - ${p.file}${p.field ? ` @ ${p.field}` : ''}: ${p.message}`)].join('\n'));
    this.name = 'FormConfigError';
    this.problems = problems;
  }
}

/** Parses and validates one form file's text; throws FormConfigError naming the file and field. */
export function parseFormFile(file: string, text: string, yamlCache?: YamlCache): FormDefinition {
  let raw: unknown;
  try {
    raw = yamlCache ? yamlCache.parse(text) : parseYaml(text);
  } catch (error) {
    throw new FormConfigError([{ file, field: '', message: `not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}` }]);
  }
  const parsed = formSchema.safeParse(raw);
  if (!parsed.success) {
    throw new FormConfigError(
      parsed.error.issues.map((issue) => ({
        file,
        field: issue.path.map(String).join('.'),
        message: issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message,
      })),
    );
  }
  return parsed.data;
}

/** The forms a site offers, by id; every *.yaml in the folder, all or nothing. */
export class FormCatalog {
  private readonly forms = new Map<string, FormDefinition>();

  constructor(forms: Iterable<FormDefinition>) {
    for (const form of forms) {
      if (this.forms.has(form.id)) throw new FormConfigError([{ file: form.id, field: 'id', message: `form id "${form.id}" is used by two files` }]);
      this.forms.set(form.id, form);
    }
  }

  /** `cacheDir`: where parsed YAML may be kept between starts (see YamlCache); validation always runs. */
  static load(dir: string, options: { cacheDir?: string } = {}): FormCatalog {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
    const cache = options.cacheDir ? new YamlCache(options.cacheDir) : undefined;
    const problems: FormProblem[] = [];
    const forms: FormDefinition[] = [];
    for (const name of files) {
      const file = join(dir, name);
      try {
        forms.push(parseFormFile(file, readFileSync(file, 'utf8'), cache));
      } catch (error) {
        if (error instanceof FormConfigError) problems.push(...error.problems);
        else throw error;
      }
    }
    cache?.forgetUnused();
    if (problems.length > 0) throw new FormConfigError(problems);
    return new FormCatalog(forms);
  }

  get(id: string): FormDefinition | undefined {
    return this.forms.get(id);
  }

  list(): FormDefinition[] {
    return [...this.forms.values()];
  }
}

/**
 * Parsed YAML kept as JSON under the SHA-256 of the file's text. Parsing the form files with the
 * yaml library is most of the intake domain's start-up time (about 90 ms of a kiosk's cold start
 * on our machines); JSON.parse of the same data takes about 1 ms. Only the YAML step is cached:
 * every start still validates every form with the schema, so a cached entry can never let an
 * invalid form through, and any change to a file's text is a new key. A cache that cannot be read
 * or written is simply not used.
 */
export class YamlCache {
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {}

  parse(text: string): unknown {
    const name = `${createHash('sha256').update(FORMAT).update(text).digest('hex')}.json`;
    this.used.add(name);
    const path = join(this.dir, name);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch {
      // not cached yet, or unreadable: parse the YAML
    }
    const raw = parseYaml(text) as unknown;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(raw), { mode: 0o600 });
      renameSync(tmp, path);
    } catch {
      // read-only or full disk: next start parses again
    }
    return raw;
  }

  /** Drops entries of texts that are no longer in the folder. */
  forgetUnused(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!this.used.has(name)) rmSync(join(this.dir, name), { force: true });
    }
  }
}

/** Part of every cache key: bump when what is stored changes shape. */
const FORMAT = 'sifa-form-yaml-cache/v1\n';
