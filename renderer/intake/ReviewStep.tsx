import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import type { Answers, FormDefinition } from '../../kiosk-config/forms/form-schema';
import { summariseAnswers, type SummaryRow } from './answer-summary';
import { pick, type FormLang } from './form-text';
import { maskAnswer } from './mask-kind';

/** Every visible answer with its label; 「修改」 jumps back to its group. Nothing is sent from here but on Submit. */
export function ReviewStep(props: {
  form: FormDefinition;
  answers: Answers;
  lang: FormLang;
  submitting: boolean;
  error: string | null;
  onEdit(groupIndex: number): void;
  onBack(): void;
  onSubmit(): void;
}) {
  const { form, answers, lang, submitting, error, onEdit, onBack, onSubmit } = props;
  const { t } = useTranslation();
  const words = useMemo(() => ({ yes: t('common.yes'), no: t('common.no'), accepted: t('intake.review.accepted') }), [t]);
  const groups = useMemo(() => summariseAnswers(form, answers, lang, words), [form, answers, lang, words]);
  return (
    <section className="intake-step intake-review" data-testid="intake-review" aria-labelledby="intake-review-title">
      <h1 id="intake-review-title" className="intake-title">
        {t('intake.review.title')}
      </h1>
      <p className="intake-lead">{t('intake.review.intro')}</p>
      {groups.map((group) => (
        <section key={group.groupId} className="intake-review__group" aria-label={group.title}>
          <header className="intake-review__head">
            <h2>{group.title}</h2>
          </header>
          <dl className="intake-review__list">
            {group.rows.map((row) => (
              <ReviewRow key={row.path} row={row} onEdit={() => onEdit(group.groupIndex)} />
            ))}
          </dl>
        </section>
      ))}
      {form.disclaimer ? (
        <div className="intake-disclaimer" role="note" data-testid="intake-disclaimer">
          <strong>{t('intake.review.disclaimer')}</strong>
          <p>{pick(form.disclaimer, lang)}</p>
        </div>
      ) : null}
      {error ? (
        <p className="intake-error-banner" role="alert" data-testid="intake-submit-error">
          {error}
        </p>
      ) : null}
      <div className="intake-actions">
        <BigButton variant="secondary" onClick={onBack} disabled={submitting}>
          {t('common.previous')}
        </BigButton>
        <BigButton variant="primary" onClick={onSubmit} disabled={submitting} aria-busy={submitting}>
          {submitting ? t('intake.review.submitting') : t('intake.review.submit')}
        </BigButton>
      </div>
    </section>
  );
}

function ReviewRow({ row, onEdit }: { row: SummaryRow; onEdit?: () => void }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState(false);
  const edit = onEdit ? (
    <button type="button" className="intake-button intake-button--tiny intake-review__edit" onClick={onEdit} aria-label={t('intake.review.editField', { field: row.label })}>
      {t('intake.review.edit')}
    </button>
  ) : null;
  if (row.items) {
    return (
      <div className="intake-review__row intake-review__row--repeat">
        <dt>{row.label}</dt>
        <dd>
          {edit}
          {row.items.length === 0 ? <span className="intake-muted">{t('intake.review.empty')}</span> : null}
          {row.items.map((item, index) => (
            <div key={index} className="intake-review__item">
              <div className="intake-review__item-title">{t('intake.repeat.item', { n: index + 1 })}</div>
              <dl className="intake-review__list">
                {item.map((sub) => (
                  <ReviewRow key={sub.path} row={sub} />
                ))}
              </dl>
            </div>
          ))}
        </dd>
      </div>
    );
  }
  const masked = row.personal && !revealed && row.text !== null;
  return (
    <div className="intake-review__row" data-testid={`review-${row.path}`}>
      <dt>{row.label}</dt>
      <dd>
        {row.text === null ? <span className="intake-muted">{t('intake.review.empty')}</span> : <span className="intake-review__value">{masked ? maskAnswer({ id: row.questionId, type: row.type, prefill: row.prefill }, row.text) : row.text}</span>}
        {row.personal && row.text !== null ? (
          <button type="button" className="intake-button intake-button--tiny" onClick={() => setRevealed((r) => !r)} aria-pressed={revealed}>
            {revealed ? t('common.hide') : t('common.show')}
          </button>
        ) : null}
        {edit}
      </dd>
    </div>
  );
}
