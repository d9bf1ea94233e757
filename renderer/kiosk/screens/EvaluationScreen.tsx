import { api } from '../../api/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskService } from '../../../kiosk-config/site-schema';
import { BigButton } from '../../ui/big-button';
import { useSystemInfo } from '../../ui/system-info';
import { TouchField, useKeyboardControl } from '../../ui/touch-field';

import { useKioskNav } from '../kiosk-nav';
import { useErrorText } from '../use-error-text';
import { ScreenTitle } from './screen-parts';
import { tidyReceipt } from './ProgressScreen';

const TAGS = ['friendly', 'fast', 'clear', 'easy', 'waitLong', 'hardToUse', 'unclear'] as const;

/** A face drawn in SVG so it looks the same without a colour emoji font. */
function Face({ score }: { score: number }) {
  const mouth = ['M8 17q4-4 8 0', 'M8 16.5q4-2 8 0', 'M8 15.5h8', 'M8 15q4 2.5 8 0', 'M7.5 14q4.5 5 9 0'][score - 1];
  return (
    <svg viewBox="0 0 24 24" className="face" aria-hidden="true">
      <circle cx="12" cy="12" r="10.5" fill="currentColor" opacity="0.15" />
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/** 满意度评价: five faces, optional tags and comment; anonymous unless a receipt number is added. */
export function EvaluationScreen({ service: given }: { service?: KioskService }) {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const nav = useKioskNav();
  const keyboard = useKeyboardControl();
  const errorText = useErrorText();
  const rateable = info.services.filter((s) => s !== 'evaluation');
  const [service, setService] = useState<KioskService | null>(given ?? null);
  const [score, setScore] = useState<number | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [withReceipt, setWithReceipt] = useState(false);
  const [receipt, setReceipt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const toggleTag = (tag: string) => setTags((current) => (current.includes(tag) ? current.filter((x) => x !== tag) : [...current, tag]));

  const submit = () => {
    if (!service || !score || busy) return;
    keyboard.close();
    setBusy(true);
    setError(null);
    api
      .evaluationSubmit({ service, score, tags, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(withReceipt && receipt.trim() ? { receiptNo: receipt.trim() } : {}) })
      .then(() => setDone(true))
      .catch((err: unknown) => setError(errorText(err)))
      .finally(() => setBusy(false));
  };

  if (done)
    return (
      <section className="screen evaluation">
        <div className="thanks" data-testid="evaluation-thanks">
          <Face score={5} />
          <h1>{t('kiosk.evaluation.thanks')}</h1>
          <p>{t('kiosk.evaluation.thanksBody')}</p>
          <BigButton size="xl" onClick={nav.home}>
            {t('kiosk.evaluation.backHome')}
          </BigButton>
        </div>
      </section>
    );

  return (
    <section className="screen evaluation">
      <ScreenTitle icon="evaluation" title={t('kiosk.services.evaluation.title')} sub={t('kiosk.evaluation.sub')} />
      <h2 className="section-title">{t('kiosk.evaluation.which')}</h2>
      <div className="chips" role="radiogroup" aria-label={t('kiosk.evaluation.which')}>
        {rateable.map((s) => (
          <button key={s} type="button" role="radio" aria-checked={service === s} className={`chip${service === s ? ' is-on' : ''}`} onClick={() => setService(s)}>
            {t(`kiosk.services.${s}.title`)}
          </button>
        ))}
      </div>
      <h2 className="section-title">{t('kiosk.evaluation.how')}</h2>
      <div className="faces" role="radiogroup" aria-label={t('kiosk.evaluation.how')}>
        {[1, 2, 3, 4, 5].map((value) => {
          return (
            <button key={value} type="button" role="radio" aria-checked={score === value} className={`face-button face-button--${value}${score === value ? ' is-on' : ''}`} onClick={() => setScore(value)} data-testid={`score-${value}`}>
              <Face score={value} />
              <span>{t(`kiosk.evaluation.scores.${value}`)}</span>
            </button>
          );
        })}
      </div>
      <h2 className="section-title">{t('kiosk.evaluation.tagsTitle')}</h2>
      <div className="chips">
        {TAGS.map((tag) => (
          <button key={tag} type="button" aria-pressed={tags.includes(tag)} className={`chip${tags.includes(tag) ? ' is-on' : ''}`} onClick={() => toggleTag(tag)}>
            {t(`kiosk.evaluation.tags.${tag}`)}
          </button>
        ))}
      </div>
      <TouchField id="evaluation-comment" label={t('kiosk.evaluation.comment')} value={comment} onChange={setComment} kind="textarea" maxLength={300} />
      {withReceipt ? (
        <TouchField id="evaluation-receipt" label={t('kiosk.evaluation.receipt')} value={receipt} onChange={(v) => setReceipt(tidyReceipt(v))} kind="text" preferLatin maxLength={24} help={t('kiosk.evaluation.receiptHelp')} />
      ) : (
        <BigButton variant="ghost" onClick={() => setWithReceipt(true)}>
          {t('kiosk.evaluation.addReceipt')}
        </BigButton>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        {!service || !score ? <p className="actions__hint">{t('kiosk.evaluation.needScore')}</p> : null}
        <BigButton size="xl" onClick={submit} disabled={!service || !score || busy} data-testid="evaluation-submit">
          {busy ? t('kiosk.evaluation.sending') : t('common.submit')}
        </BigButton>
      </div>
    </section>
  );
}
