import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../../api/client';
import { type InboxActInput, type InboxActionName, type InboxItem, type Outcome, type TransferTarget } from '../desk-api';
import { errorText, issueTexts } from '../desk-format';
import { useDeskSession, useSessionGuard } from '../desk-session';
import { useDirectory } from '../use-desk-data';

const TRANSFER_TARGETS: readonly TransferTarget[] = ['legalAidCenter', 'court', 'otherDepartment'];
const OUTCOMES: readonly Outcome[] = ['agreement', 'failed', 'done'];

/** The small form each action needs (assignee, materials, where to, why, outcome), then inboxAct. */
export function ActionDialog(props: { item: InboxItem; action: InboxActionName; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { user } = useDeskSession();
  const guard = useSessionGuard();
  const directory = useDirectory();
  const [assignee, setAssignee] = useState(props.item.assignee ?? user.userId);
  const [materials, setMaterials] = useState('');
  const [transferTo, setTransferTo] = useState<TransferTarget>('legalAidCenter');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('agreement');
  const [agreementRef, setAgreementRef] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('select, textarea, input, button[type="submit"]')?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        props.onCancel();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [props]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const input: InboxActInput = { id: props.item.id, action: props.action };
    const local: Record<string, string> = {};
    if (props.action === 'accept') input.assignee = assignee;
    if (props.action === 'requestMaterials') {
      input.materials = materials
        .split(/\n|；|;/)
        .map((m) => m.trim())
        .filter(Boolean);
      if (input.materials.length === 0) local.materials = t('validation.required');
    }
    if (props.action === 'transfer') {
      input.transferTo = transferTo;
      if (reason.trim()) input.reason = reason.trim();
    }
    if (props.action === 'reject') {
      input.reason = reason.trim();
      if (!input.reason) local.reason = t('validation.required');
    }
    if (props.action === 'resolve') {
      input.outcome = outcome;
      if (outcome === 'agreement' && agreementRef.trim()) input.agreementRef = agreementRef.trim();
    }
    setIssues(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await api.inboxAct(input);
      props.onDone();
    } catch (caught) {
      guard(caught);
      if (caught instanceof ApiCallError && caught.payload.code === 'invalid_input' && caught.payload.issues?.length) setIssues(issueTexts(t, caught));
      else setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="desk-overlay" role="dialog" aria-modal="true" aria-labelledby="desk-action-title">
      <form className="desk-card desk-dialog" ref={dialogRef} onSubmit={(e) => void submit(e)} data-testid="action-dialog">
        <h3 id="desk-action-title">
          {t(`desk.action.${props.action}`)} · <span className="desk-mono">{props.item.receiptNo}</span>
        </h3>
        {props.action === 'accept' && (
          <label className="desk-field">
            <span>{t('desk.inbox.assignee')}</span>
            <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              {!directory.staff.some((s) => s.userId === user.userId) && <option value={user.userId}>{user.displayName}</option>}
              {directory.staff
                .filter((s) => s.role !== 'admin' && !s.disabled)
                .map((s) => (
                  <option key={s.userId} value={s.userId}>
                    {s.displayName}
                  </option>
                ))}
            </select>
          </label>
        )}
        {props.action === 'requestMaterials' && (
          <label className="desk-field">
            <span>{t('desk.action.materials')}</span>
            <textarea rows={4} value={materials} onChange={(e) => setMaterials(e.target.value)} placeholder={t('desk.action.materialsHint')} />
            {issues.materials && <em className="desk-field-error">{issues.materials}</em>}
          </label>
        )}
        {props.action === 'transfer' && (
          <label className="desk-field">
            <span>{t('desk.action.transferTo')}</span>
            <select value={transferTo} onChange={(e) => setTransferTo(e.target.value as TransferTarget)}>
              {TRANSFER_TARGETS.map((target) => (
                <option key={target} value={target}>
                  {t(`desk.transfer.${target}`)}
                </option>
              ))}
            </select>
            {issues.transferTo && <em className="desk-field-error">{issues.transferTo}</em>}
          </label>
        )}
        {(props.action === 'transfer' || props.action === 'reject') && (
          <label className="desk-field">
            <span>{props.action === 'reject' ? t('desk.action.rejectReason') : t('desk.action.note')}</span>
            <textarea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            {issues.reason && <em className="desk-field-error">{issues.reason}</em>}
          </label>
        )}
        {props.action === 'resolve' && (
          <>
            <fieldset className="desk-field desk-radios">
              <legend>{t('desk.action.outcome')}</legend>
              {OUTCOMES.map((value) => (
                <label key={value}>
                  <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
                  {t(`desk.outcome.${value}`)}
                </label>
              ))}
              {issues.outcome && <em className="desk-field-error">{issues.outcome}</em>}
            </fieldset>
            {outcome === 'agreement' && (
              <label className="desk-field">
                <span>{t('desk.action.agreementRef')}</span>
                <input value={agreementRef} maxLength={64} onChange={(e) => setAgreementRef(e.target.value)} />
              </label>
            )}
          </>
        )}
        <p className="desk-hint">{t('desk.action.noPersonalData')}</p>
        {error && (
          <p className="desk-error" role="alert">
            {error}
          </p>
        )}
        <div className="desk-row-end">
          <button type="button" className="desk-btn" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`desk-btn desk-btn-primary ${props.action === 'reject' ? 'desk-btn-danger' : ''}`} disabled={busy} data-testid="action-confirm">
            {t('common.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
