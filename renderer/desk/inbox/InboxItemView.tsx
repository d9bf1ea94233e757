import { api } from '../../api/client';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, FormDefinition } from '../../../kiosk-config/forms/form-schema';
import { type InboxActionName, type InboxItem } from '../desk-api';
import { errorText, formatDateTime } from '../desk-format';
import { useDeskSession, useSessionGuard } from '../desk-session';
import { can } from '../desk-nav';
import { useDirectory, useFormTitle } from '../use-desk-data';
import { StatusBadge } from './StatusBadge';
import { ActionDialog } from './ActionDialog';
import { actionsFor } from './inbox-actions';
import { answerLines, type AnswerLine } from './answer-lines';

/**
 * One submission: answers (personal fields masked until 「显示个人信息」, which the core audits),
 * the actions its status allows, and its history. Revealed data lives only in this component's
 * state: leaving the item or locking the screen drops it.
 */
export function InboxItemView(props: { id: string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { user, locked } = useDeskSession();
  const guard = useSessionGuard();
  const formTitle = useFormTitle();
  const directory = useDirectory();
  const [item, setItem] = useState<InboxItem | null>(null);
  const [form, setForm] = useState<FormDefinition | null>(null);
  const [revealed, setRevealed] = useState<Answers | null>(null);
  const [dialog, setDialog] = useState<InboxActionName | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .inboxGet({ id: props.id })
      .then((result) => {
        if (!live) return;
        setItem(result);
        setError(null);
        api
          .formGet({ formId: result.formId })
          .then((definition) => live && setForm(definition))
          .catch(() => undefined);
      })
      .catch((caught: unknown) => {
        if (!live) return;
        guard(caught);
        setError(errorText(t, caught));
      });
    return () => {
      live = false;
    };
  }, [props.id, reload, guard, t]);

  // The lock screen drops revealed data at once (a state update during render, not an effect).
  if (locked && revealed) setRevealed(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !dialog && !locked) props.onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, locked, props]);

  const reveal = async (): Promise<void> => {
    try {
      const result = await api.inboxReveal({ id: props.id });
      setRevealed(result.personal);
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
    }
  };

  const done = useCallback(() => {
    setDialog(null);
    setReload((n) => n + 1);
  }, []);

  const words = { yes: t('common.yes'), no: t('common.no') };
  const lines = item ? answerLines(form, revealed ? { ...item.answers, ...revealed } : item.answers, item.personalFields, lang, words) : [];
  const actions = item && can(user.role, 'inbox.act') ? actionsFor(item.status) : [];

  return (
    <section className="desk-page" data-testid="inbox-item">
      <div className="desk-page-head">
        <button type="button" className="desk-btn desk-btn-quiet" onClick={props.onBack} title="Esc">
          ← {t('desk.item.back')}
        </button>
        {item && (
          <>
            <h2 className="desk-mono">{item.receiptNo}</h2>
            <span className="desk-muted">{formTitle(item.formId)}</span>
            <StatusBadge status={item.status} />
          </>
        )}
      </div>
      {error && (
        <p className="desk-error" role="alert">
          {error}
        </p>
      )}
      {item && (
        <div className="desk-item">
          <div className="desk-item-main desk-card">
            <div className="desk-item-meta">
              <span>
                {t('desk.inbox.source')}：{item.source === 'kiosk' ? `${t('desk.inbox.fromKiosk')} ${item.kioskId ?? ''}` : t('desk.inbox.fromWalkin')}
              </span>
              <span>
                {t('desk.inbox.createdAt')}：{formatDateTime(item.createdAt)}
              </span>
              <span>
                {t('desk.inbox.assignee')}：{directory.nameOf(item.assignee)}
              </span>
            </div>
            <div className="desk-reveal-bar">
              {revealed ? (
                <>
                  <span className="desk-reveal-on" role="status">
                    {t('desk.item.revealedNotice')}
                  </span>
                  <button type="button" className="desk-btn" onClick={() => setRevealed(null)}>
                    {t('desk.item.hide')}
                  </button>
                </>
              ) : (
                item.personalFields.length > 0 &&
                can(user.role, 'inbox.reveal') && (
                  <>
                    <span className="desk-muted">{t('desk.item.maskedNotice')}</span>
                    <button type="button" className="desk-btn" onClick={() => void reveal()} data-testid="reveal">
                      {t('desk.item.reveal')}
                    </button>
                  </>
                )
              )}
            </div>
            <dl className="desk-answers" data-testid="answers">
              {lines.map((line) => (
                <AnswerRow key={line.id} line={line} revealed={revealed !== null} />
              ))}
            </dl>
          </div>
          <aside className="desk-item-side">
            {actions.length > 0 && (
              <div className="desk-card">
                <h3>{t('desk.item.actions')}</h3>
                <div className="desk-actions">
                  {actions.map((action, index) => (
                    <button key={action} type="button" className={`desk-btn ${index === 0 ? 'desk-btn-primary' : ''} ${action === 'reject' ? 'desk-btn-danger' : ''}`} onClick={() => setDialog(action)} data-testid={`act-${action}`}>
                      {t(`desk.action.${action}`)}
                    </button>
                  ))}
                </div>
              </div>
            )}
            <div className="desk-card">
              <h3>{t('desk.item.history')}</h3>
              <ol className="desk-history" data-testid="history">
                {item.history.map((entry, index) => (
                  <li key={`${entry.at}-${index}`}>
                    <StatusBadge status={entry.status} />
                    <span className="desk-mono desk-muted">{formatDateTime(entry.at)}</span>
                    <span>{directory.nameOf(entry.actor.startsWith('kiosk:') ? t('desk.item.kioskActor') : entry.actor)}</span>
                    {entry.detail && <HistoryDetail detail={entry.detail} />}
                  </li>
                ))}
              </ol>
            </div>
          </aside>
        </div>
      )}
      {dialog && item && <ActionDialog item={item} action={dialog} onDone={done} onCancel={() => setDialog(null)} />}
    </section>
  );
}

function AnswerRow(props: { line: AnswerLine; revealed: boolean }) {
  const { line } = props;
  return (
    <div className={`desk-answer ${line.personal ? (props.revealed ? 'is-revealed' : 'is-masked') : ''}`}>
      <dt>{line.label}</dt>
      <dd>
        {line.items ? (
          <ol className="desk-answer-items">
            {line.items.map((item, index) => (
              <li key={index}>
                {item.map((field) => (
                  <span key={field.id}>
                    <em>{field.label}</em> {field.text}
                  </span>
                ))}
              </li>
            ))}
          </ol>
        ) : (
          line.text
        )}
      </dd>
    </div>
  );
}

function HistoryDetail(props: { detail: Record<string, unknown> }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  const d = props.detail;
  if (typeof d.transferTo === 'string') parts.push(t(`desk.transfer.${d.transferTo}`, { defaultValue: d.transferTo }));
  if (typeof d.outcome === 'string') parts.push(t(`desk.outcome.${d.outcome}`, { defaultValue: d.outcome }));
  if (Array.isArray(d.materials)) parts.push((d.materials as unknown[]).map(String).join('、'));
  if (typeof d.reason === 'string' && d.reason) parts.push(d.reason);
  if (typeof d.agreementRef === 'string' && d.agreementRef) parts.push(d.agreementRef);
  return parts.length ? <span className="desk-history-detail">{parts.join(' · ')}</span> : null;
}
