import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import type { AnswerValue, Question, RepeatItem } from '../../kiosk-config/forms/form-schema';
import { TouchField, type FieldKind } from '../ui/touch-field';
import { pick, type FormLang } from './form-text';
import type { AnyIssue } from './issue-paths';
import { useIssueText } from './issue-text';
import { localOptions, OptionButtons } from './OptionButtons';

export type Variant = 'kiosk' | 'desk';

export interface QuestionFieldProps {
  q: Question;
  /** Issue path and DOM anchor: the question id, or `parties.1.name` inside a repeat. */
  path: string;
  value: AnswerValue | undefined;
  onChange(value: AnswerValue | undefined): void;
  issues: ReadonlyMap<string, AnyIssue>;
  lang: FormLang;
  variant: Variant;
  /** Filled from the ID card: shows the 「已从身份证读取」 badge. */
  prefilled?: boolean;
  autoFocus?: boolean;
}

const TEXT_KINDS: Partial<Record<Question['type'], FieldKind>> = {
  text: 'text',
  textarea: 'textarea',
  phone: 'phone',
  idNumber: 'idNumber',
  date: 'date',
  number: 'numeric',
};

const KIND_MAX: Partial<Record<FieldKind, number>> = { idNumber: 18, phone: 13, date: 10, numeric: 12 };

export function domId(path: string): string {
  return `q-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** One question of the form, drawn by its type. */
export function QuestionField(props: QuestionFieldProps) {
  const { q, path, value, onChange, issues, lang, prefilled, autoFocus } = props;
  const { t } = useTranslation();
  const issueText = useIssueText(lang);
  const error = issueText(issues.get(path), q);
  const id = domId(path);
  const label = pick(q.label, lang) + (q.required || q.type === 'consent' || q.type === 'notice' || q.type === 'repeat' ? '' : t('intake.field.optional'));
  const help = q.help ? pick(q.help, lang) : undefined;

  if (q.type === 'notice') {
    const tone = q.tone ?? 'info';
    return (
      <div className={`intake-notice intake-notice--${tone}`} role="status" data-testid={`notice-${q.id}`} data-question={path}>
        <strong className="intake-notice__title">{pick(q.label, lang)}</strong>
        {help ? <p className="intake-notice__body">{help}</p> : null}
      </div>
    );
  }

  const kind = TEXT_KINDS[q.type];
  if (kind) {
    const text = value === undefined ? '' : String(value);
    return (
      <div className="intake-field intake-field--text" data-question={path}>
        {prefilled ? (
          <span className="intake-badge" data-testid={`prefilled-${path}`}>
            {t('intake.field.fromCard')}
          </span>
        ) : null}
        <TouchField
          id={id}
          label={label}
          value={text}
          kind={kind}
          onChange={(next) => {
            if (next.trim() === '') onChange(undefined);
            // Repeat items hold text only; a top-level number is stored as a number.
            else onChange(q.type === 'number' && !path.includes('.') && /^\d+$/.test(next) ? Number(next) : next);
          }}
          {...(q.maxLength ?? KIND_MAX[kind] ? { maxLength: q.maxLength ?? KIND_MAX[kind] } : {})}
          {...(error ? { error } : {})}
          {...(help ? { help } : {})}
          masked={q.personal}
          {...(autoFocus ? { autoFocus } : {})}
        />
      </div>
    );
  }

  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  let control: React.ReactNode = null;
  switch (q.type) {
    case 'choice':
      control = (
        <OptionButtons labelId={labelId} options={localOptions(q.options, lang)} selected={typeof value === 'string' ? [value] : []} multiple={false} onToggle={(v) => onChange(v)} invalid={!!error} {...(error ? { describedBy: errorId } : {})} />
      );
      break;
    case 'multiChoice':
    case 'checklist': {
      const selected = Array.isArray(value) ? (value as string[]) : [];
      control = (
        <OptionButtons
          labelId={labelId}
          options={localOptions(q.options, lang)}
          selected={selected}
          multiple
          onToggle={(v) => {
            const next = selected.includes(v) ? selected.filter((s) => s !== v) : [...selected, v];
            onChange(next.length > 0 ? next : undefined);
          }}
          invalid={!!error}
          {...(error ? { describedBy: errorId } : {})}
        />
      );
      break;
    }
    case 'yesNo':
      control = (
        <OptionButtons
          labelId={labelId}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          selected={value === true ? ['yes'] : value === false ? ['no'] : []}
          multiple={false}
          onToggle={(v) => onChange(v === 'yes')}
          invalid={!!error}
          {...(error ? { describedBy: errorId } : {})}
        />
      );
      break;
    case 'consent':
      return (
        <div className={`intake-field intake-field--consent${error ? ' has-error' : ''}`} data-question={path}>
          <button type="button" role="checkbox" aria-checked={value === true} className={`intake-consent${value === true ? ' is-checked' : ''}`} onClick={() => onChange(value === true ? undefined : true)} aria-describedby={error ? errorId : undefined}>
            <span className="intake-consent__box" aria-hidden="true">
              {value === true ? '✓' : ''}
            </span>
            <span className="intake-consent__label">{label}</span>
          </button>
          {help ? <p className="intake-field__help">{help}</p> : null}
          {error ? (
            <p className="intake-field__error" id={errorId} role="alert">
              {error}
            </p>
          ) : null}
        </div>
      );
    case 'repeat':
      control = <RepeatField {...props} />;
      break;
    default:
      control = null;
  }

  return (
    <div className={`intake-field intake-field--${q.type}${error ? ' has-error' : ''}`} data-question={path}>
      <div className="intake-field__label" id={labelId}>
        {label}
      </div>
      {help ? <p className="intake-field__help">{help}</p> : null}
      {control}
      {error ? (
        <p className="intake-field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Other parties and the like: a list of small sub-forms, each removable, within min/max items. */
function RepeatField({ q, path, value, onChange, issues, lang, variant }: QuestionFieldProps) {
  const { t } = useTranslation();
  const items = Array.isArray(value) ? (value as RepeatItem[]) : [];
  const minItems = q.minItems ?? 0;
  const canAdd = q.maxItems === undefined || items.length < q.maxItems;
  const canRemove = items.length > minItems;

  // A list that needs at least one entry starts with an empty one, so the first fields are right there.
  const needsFirst = minItems > 0 && value === undefined;
  useEffect(() => {
    if (needsFirst) onChange(Array.from({ length: minItems }, () => ({})));
  }, [needsFirst, minItems, onChange]);

  const setItem = (index: number, fieldId: string, fieldValue: AnswerValue | undefined) => {
    const next = items.map((item, i) => {
      if (i !== index) return item;
      const copy: RepeatItem = { ...item };
      if (fieldValue === undefined) delete copy[fieldId];
      else copy[fieldId] = fieldValue as RepeatItem[string];
      return copy;
    });
    onChange(next);
  };

  return (
    <div className="intake-repeat">
      {items.map((item, index) => (
        <section key={index} className="intake-repeat__item" aria-label={t('intake.repeat.item', { n: index + 1 })} data-testid={`repeat-${q.id}-${index + 1}`}>
          <header className="intake-repeat__head">
            <h4>{t('intake.repeat.item', { n: index + 1 })}</h4>
            {canRemove ? (
              <BigButton variant="ghost" onClick={() => {
                const rest = items.filter((_, i) => i !== index);
                onChange(rest.length > 0 ? rest : undefined);
              }}>
                {t('intake.repeat.remove')}
              </BigButton>
            ) : null}
          </header>
          {(q.fields ?? []).map((field) => (
            <QuestionField
              key={field.id}
              q={field}
              path={`${path}.${index + 1}.${field.id}`}
              value={item[field.id]}
              onChange={(v) => setItem(index, field.id, v)}
              issues={issues}
              lang={lang}
              variant={variant}
            />
          ))}
        </section>
      ))}
      {canAdd ? (
        <button type="button" className="intake-button intake-button--add" onClick={() => onChange([...items, {}])}>
          {items.length === 0 ? t('intake.repeat.addFirst') : t('intake.repeat.add')}
        </button>
      ) : null}
    </div>
  );
}
