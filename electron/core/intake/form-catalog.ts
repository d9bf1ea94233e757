import { readdirSync, readFileSync } from 'node:fs';
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
export function parseFormFile(file: string, text: string): FormDefinition {
  let raw: unknown;
  try {
    raw = parseYaml(text);
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

  static load(dir: string): FormCatalog {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
    const problems: FormProblem[] = [];
    const forms: FormDefinition[] = [];
    for (const name of files) {
      const file = join(dir, name);
      try {
        forms.push(parseFormFile(file, readFileSync(file, 'utf8')));
      } catch (error) {
        if (error instanceof FormConfigError) problems.push(...error.problems);
        else throw error;
      }
    }
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
