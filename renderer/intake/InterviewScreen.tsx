import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../ui/big-button';
import { Dialog } from '../ui/dialog';
import type { CardIdentityPayload } from '../../electron/core/api/events';
import { progress, pruneAnswers, validateAnswers, validateGroup, visibleGroups, visibleQuestions } from '../../kiosk-config/forms/form-engine';
import type { Answers, AnswerValue, FormDefinition, QuestionGroup } from '../../kiosk-config/forms/form-schema';
import { ApiCallError } from '../api/client';
import { useKeyboardControl } from '../ui/touch-field';
import { ConsentStep } from './ConsentStep';
import { useIssueText } from './issue-text';
import { formLang, pick, type FormLang } from './form-text';
import { applyIdentityPrefill } from './identity-prefill';
import { intakeApi, type IntakeReceipt, type ResumedDraft } from './intake-api';
import { firstGroupWithIssue, issuesByPath, questionIdOfPath, type AnyIssue } from './issue-paths';
import { CardReadPrompt, KioskCardIdentity, useCardReaderConfigured } from './kiosk-card';
import { PauseView } from './PauseView';
import { domId, QuestionField, type Variant } from './QuestionField';
import { ReceiptView } from './ReceiptView';
import { ResumeCodeEntry } from './ResumeCodeEntry';
import { ReviewStep } from './ReviewStep';
import { useDraftAutosave } from './use-draft-autosave';
import { useForm } from './use-form';
import './intake.css';

export interface InterviewScreenProps {
  formId: string;
  variant: Variant;
  onExit(): void;
  /** The ID card read; undefined on the kiosk means "listen to the reader yourself". */
  identity?: CardIdentityPayload | null;
  /** A draft unlocked with its pickup code: the interview opens where it was left. */
  draft?: ResumedDraft;
}

/**
 * A form declared as data, walked through one group at a time (kiosk) or on one page (desk).
 * Branches, checks and pruning are the form engine's; this screen only draws and calls the API.
 */
export function InterviewScreen(props: InterviewScreenProps) {
  const [resumed, setResumed] = useState<ResumedDraft | null>(null);
  const draft = resumed ?? props.draft;
  const inner = (identity: CardIdentityPayload | null) => (
    <Interview
      key={draft?.draftId ?? 'new'}
      formId={draft?.formId ?? props.formId}
      variant={props.variant}
      onExit={props.onExit}
      identity={identity}
      {...(draft ? { draft } : {})}
      onResumed={setResumed}
    />
  );
  if (props.identity === undefined && props.variant === 'kiosk') return <KioskCardIdentity>{inner}</KioskCardIdentity>;
  return inner(props.identity ?? null);
}

export default InterviewScreen;

type Phase = 'consent' | 'resume' | 'questions' | 'review' | 'receipt' | 'paused';

interface InterviewProps {
  formId: string;
  variant: Variant;
  onExit(): void;
  identity: CardIdentityPayload | null;
  draft?: ResumedDraft;
  onResumed(draft: ResumedDraft): void;
}

function Interview(props: InterviewProps) {
  const { formId, variant, onExit, identity, draft, onResumed } = props;
  const { t, i18n } = useTranslation();
  const lang = formLang(i18n.language);
  const [attempt, setAttempt] = useState(0);
  const load = useForm(formId, attempt);

  if (load.state === 'loading') {
    return (
      <div className={`intake intake--${variant}`}>
        <p className="intake-loading">{t('common.loading')}</p>
      </div>
    );
  }
  if (load.state === 'failed') {
    return (
      <div className={`intake intake--${variant}`}>
        <div className="intake-step">
          <p className="intake-error-banner" role="alert">
            {t(`errors.${load.code}`)}
          </p>
          <div className="intake-actions">
            <BigButton variant="secondary" onClick={onExit}>
              {t('common.home')}
            </BigButton>
            <BigButton variant="primary" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </BigButton>
          </div>
        </div>
      </div>
    );
  }
  return <LoadedInterview form={load.form} variant={variant} onExit={onExit} identity={identity} lang={lang} {...(draft ? { draft } : {})} onResumed={onResumed} />;
}

interface LoadedProps {
  form: FormDefinition;
  variant: Variant;
  onExit(): void;
  identity: CardIdentityPayload | null;
  lang: FormLang;
  draft?: ResumedDraft;
  onResumed(draft: ResumedDraft): void;
}

function LoadedInterview({ form, variant, onExit, identity, lang, draft, onResumed }: LoadedProps) {
  const { t } = useTranslation();
  const readerConfigured = useCardReaderConfigured();
  const keyboard = useKeyboardControl();
  const rootRef = useRef<HTMLDivElement>(null);
  // A resumed draft was consented to before it was saved.
  const [phase, setPhase] = useState<Phase>(draft ? 'questions' : 'consent');
  const [answers, setAnswers] = useState<Answers>(() => draft?.answers ?? {});
  const [groupIndex, setGroupIndex] = useState(draft?.groupIndex ?? 0);
  const [attempted, setAttempted] = useState<ReadonlySet<string>>(new Set());
  const [checkedAll, setCheckedAll] = useState(false);
  const [serverIssues, setServerIssues] = useState<AnyIssue[]>([]);
  const [prefilled, setPrefilled] = useState<ReadonlySet<string>>(new Set());
  const [manualEntry, setManualEntry] = useState(false);
  const [fromReview, setFromReview] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<IntakeReceipt | null>(null);
  const [pause, setPause] = useState<{ code: string; expiresAt: string } | null>(null);
  const [pausing, setPausing] = useState(false);
  const [pauseError, setPauseError] = useState<string | null>(null);
  const [confirmExit, setConfirmExit] = useState(false);

  const groups = useMemo(() => visibleGroups(form, answers), [form, answers]);
  const index = Math.max(0, Math.min(groupIndex, groups.length - 1));
  const group = groups[index];

  // Drafts are the kiosk's: a resident may walk away mid-way; the desk finishes a walk-in at once.
  const autosave = useDraftAutosave({
    enabled: variant === 'kiosk' && (phase === 'questions' || phase === 'review') && !submitting && Object.keys(answers).length > 0,
    formId: form.id,
    answers,
    groupIndex: phase === 'review' ? groups.length : index,
    ...(draft ? { initialDraftId: draft.draftId } : {}),
  });

  // The card fills its fields whenever a (new) card is read, also after the form was opened.
  const identityKey = identity ? `${identity.idNumber}|${identity.name}` : null;
  const appliedIdentity = useRef<string | null>(null);
  useEffect(() => {
    if (!identity || identityKey === appliedIdentity.current) return;
    appliedIdentity.current = identityKey;
    setAnswers((prev) => applyIdentityPrefill(form, prev, identity).answers);
    setPrefilled(new Set(applyIdentityPrefill(form, {}, identity).filled));
  }, [form, identity, identityKey]);

  const setAnswer = useCallback((questionId: string, value: AnswerValue | undefined) => {
    setAnswers((prev) => {
      if (prev[questionId] === value) return prev;
      const next = { ...prev };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      return next;
    });
    setPrefilled((prev) => {
      if (!prev.has(questionId)) return prev;
      const next = new Set(prev);
      next.delete(questionId);
      return next;
    });
    setServerIssues((prev) => (prev.some((i) => questionIdOfPath(i.path) === questionId) ? prev.filter((i) => questionIdOfPath(i.path) !== questionId) : prev));
  }, []);

  const liveIssues = useMemo<AnyIssue[]>(() => {
    if (variant === 'desk') return checkedAll ? validateAnswers(form, answers) : [];
    return group && attempted.has(group.id) ? validateGroup(group, answers) : [];
  }, [variant, checkedAll, form, answers, group, attempted]);
  const issueMap = useMemo(() => issuesByPath([...serverIssues, ...liveIssues]), [serverIssues, liveIssues]);

  // A step change closes the on-screen keyboard so the whole new page (and any problem list) is seen.
  const scrollTop = () => {
    keyboard.close();
    requestAnimationFrame(() => rootRef.current?.scrollIntoView({ block: 'start' }));
  };
  // Kiosk: the list naming every problem comes into view (focusing a field would pop the keyboard
  // over it). Desk: the cursor goes to the first bad field.
  const scrollToPath = (path: string) => {
    keyboard.close();
    requestAnimationFrame(() => {
      const field = document.getElementById(domId(path)) ?? rootRef.current?.querySelector(`[data-question="${CSS.escape(path)}"]`);
      const el = variant === 'kiosk' ? (rootRef.current?.querySelector('[data-testid="intake-issues"]') ?? field) : field;
      el?.scrollIntoView({ block: variant === 'kiosk' ? 'start' : 'center' });
      if (variant === 'desk' && el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) el.focus({ preventScroll: true });
    });
  };

  const goToGroup = (next: number) => {
    setGroupIndex(next);
    setPhase('questions');
    scrollTop();
  };

  const next = () => {
    if (!group) return;
    const issues = validateGroup(group, answers);
    if (issues.length > 0) {
      setAttempted((prev) => new Set(prev).add(group.id));
      scrollToPath(issues[0]!.path);
      return;
    }
    if (fromReview || index >= groups.length - 1) {
      setFromReview(false);
      openReview();
      return;
    }
    goToGroup(index + 1);
  };

  const openReview = () => {
    const issues = validateAnswers(form, answers);
    if (issues.length > 0) {
      // A branch changed after its group was passed: send the resident back to the first gap.
      const bad = firstGroupWithIssue(groups, issues);
      if (variant === 'desk') {
        setCheckedAll(true);
        scrollToPath(issues[0]!.path);
        return;
      }
      setAttempted((prev) => new Set(prev).add(groups[bad]?.id ?? ''));
      goToGroup(Math.max(0, bad));
      return;
    }
    setSubmitError(null);
    setPhase('review');
    scrollTop();
  };

  const previous = () => {
    if (index === 0) setPhase('consent');
    else goToGroup(index - 1);
    scrollTop();
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    const pruned = pruneAnswers(form, answers);
    try {
      let result: IntakeReceipt;
      if (variant === 'desk') {
        result = await intakeApi.walkinSubmit({ formId: form.id, answers: pruned });
      } else {
        const draftId = await autosave.flush().catch(() => undefined);
        result = await intakeApi.intakeSubmit({ formId: form.id, answers: pruned, ...(draftId ? { draftId } : {}) });
      }
      setReceipt(result);
      setPhase('receipt');
      scrollTop();
    } catch (err) {
      const payload = err instanceof ApiCallError ? err.payload : null;
      const issues = payload?.code === 'invalid_input' ? (payload.issues ?? []) : [];
      const bad = firstGroupWithIssue(groups, issues);
      if (issues.length > 0 && bad >= 0) {
        setServerIssues(issues);
        if (variant === 'desk') {
          setCheckedAll(true);
          setPhase('questions');
          scrollToPath(issues[0]!.path);
        } else {
          setAttempted((prev) => new Set(prev).add(groups[bad]!.id));
          setFromReview(true);
          goToGroup(bad);
          scrollToPath(issues[0]!.path);
        }
      } else {
        setSubmitError(t(`errors.${payload?.code ?? 'internal'}`, payload?.params ?? {}));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const pauseNow = async () => {
    setPausing(true);
    setPauseError(null);
    try {
      const draftId = await autosave.flush();
      if (!draftId) throw new ApiCallError({ code: 'storage_failure' });
      setPause(await intakeApi.draftPause({ draftId }));
      setPhase('paused');
      scrollTop();
    } catch (err) {
      setPauseError(t(`errors.${err instanceof ApiCallError ? err.payload.code : 'internal'}`));
    } finally {
      setPausing(false);
    }
  };

  // Leaving without pausing: the draft would only wait for a code nobody has, so drop it now.
  const leave = () => {
    const draftId = autosave.draftId();
    if (draftId) void intakeApi.draftDiscard({ draftId }).catch(() => undefined);
    onExit();
  };

  const requestExit = () => {
    if (phase === 'questions' || phase === 'review') setConfirmExit(true);
    else onExit();
  };

  let body: React.ReactNode;
  if (phase === 'consent') {
    body = <ConsentStep form={form} lang={lang} onAccept={() => (setPhase('questions'), scrollTop())} onDecline={leave} {...(variant === 'kiosk' ? { onResume: () => setPhase('resume') } : {})} />;
  } else if (phase === 'resume') {
    body = <ResumeCodeEntry variant={variant} onResumed={onResumed} onCancel={() => setPhase('consent')} />;
  } else if (phase === 'paused' && pause) {
    body = <PauseView code={pause.code} expiresAt={pause.expiresAt} lang={lang} onDone={onExit} />;
  } else if (phase === 'receipt' && receipt) {
    body = <ReceiptView form={form} receipt={receipt} lang={lang} variant={variant} onDone={onExit} />;
  } else if (phase === 'review') {
    body = (
      <ReviewStep
        form={form}
        answers={answers}
        lang={lang}
        submitting={submitting}
        error={submitError}
        onEdit={(target) => {
          setFromReview(true);
          if (variant === 'desk') {
            setPhase('questions');
            const targetGroup = groups[target];
            if (targetGroup) requestAnimationFrame(() => document.getElementById(`group-${targetGroup.id}`)?.scrollIntoView({ block: 'start' }));
          } else goToGroup(target);
        }}
        onBack={() => (variant === 'desk' ? setPhase('questions') : goToGroup(groups.length - 1))}
        onSubmit={() => void submit()}
      />
    );
  } else if (variant === 'desk') {
    body = <DeskPage form={form} groups={groups} answers={answers} setAnswer={setAnswer} issueMap={issueMap} lang={lang} prefilled={prefilled} onReview={openReview} />;
  } else if (group) {
    const cardGroup = group.questions.some((q) => q.prefill !== undefined);
    const cardAnswered = group.questions.some((q) => q.prefill !== undefined && answers[q.id] !== undefined);
    const showCardPrompt = readerConfigured && cardGroup && !identity && !manualEntry && !cardAnswered;
    const groupIssues = [...issueMap.values()].filter((i) => group.questions.some((q) => q.id === questionIdOfPath(i.path)));
    body = (
      <section className="intake-step intake-group" data-testid={`intake-group-${group.id}`} aria-labelledby="intake-group-title" onKeyDown={(e) => enterGoesNext(e, next)}>
        <ProgressBar value={progress(form, answers, index)} step={index + 1} total={groups.length} />
        <h1 id="intake-group-title" className="intake-title">
          {pick(group.title, lang)}
        </h1>
        {group.help ? <p className="intake-lead">{pick(group.help, lang)}</p> : null}
        {groupIssues.length > 0 ? <IssueSummary issues={groupIssues} group={group} answers={answers} lang={lang} /> : null}
        {showCardPrompt ? (
          <CardReadPrompt onManual={() => setManualEntry(true)} />
        ) : (
          <GroupFields group={group} answers={answers} setAnswer={setAnswer} issueMap={issueMap} lang={lang} variant={variant} prefilled={prefilled} />
        )}
        {pauseError ? (
          <p className="intake-error-banner" role="alert">
            {pauseError}
          </p>
        ) : null}
        <div className="intake-actions intake-actions--nav">
          <BigButton variant="secondary" onClick={previous}>
            {t('common.previous')}
          </BigButton>
          <BigButton variant="ghost" onClick={() => void pauseNow()} disabled={pausing} data-testid="intake-pause">
            {t('intake.nav.pause')}
          </BigButton>
          {fromReview ? (
            <BigButton variant="primary" onClick={next}>
              {t('intake.nav.backToReview')}
            </BigButton>
          ) : (
            <BigButton variant="primary" onClick={next}>
              {index >= groups.length - 1 ? t('intake.nav.toReview') : t('common.next')}
            </BigButton>
          )}
        </div>
      </section>
    );
  }

  return (
    <div ref={rootRef} className={`intake intake--${variant}`} data-testid="interview" data-form={form.id}>
      {phase !== 'receipt' && phase !== 'paused' ? (
        <header className="intake-header">
          <span className="intake-header__title">{pick(form.title, lang)}</span>
          {variant === 'kiosk' && (phase === 'questions' || phase === 'review') ? (
            <span className="intake-header__saved" aria-live="polite">
              {autosave.status === 'saved' ? t('intake.nav.saved') : autosave.status === 'saving' ? t('intake.nav.saving') : ''}
            </span>
          ) : null}
          <BigButton variant="ghost" onClick={requestExit}>
            {t('intake.nav.exit')}
          </BigButton>
        </header>
      ) : null}
      <Dialog
        open={confirmExit}
        tone="warning"
        title={t('intake.exit.title')}
        onDismiss={() => setConfirmExit(false)}
        testId="intake-exit-dialog"
        actions={
          <>
            <BigButton variant="primary" onClick={() => setConfirmExit(false)}>
              {t('intake.exit.stay')}
            </BigButton>
            <BigButton variant="secondary" onClick={leave}>
              {t('intake.exit.leave')}
            </BigButton>
          </>
        }
      >
        <p>{variant === 'kiosk' ? t('intake.exit.kioskBody') : t('intake.exit.deskBody')}</p>
      </Dialog>
      {body}
    </div>
  );
}

/** Enter in a one-line field moves on (a physical keyboard at the desk, or a tester's). */
function enterGoesNext(event: KeyboardEvent, next: () => void) {
  const target = event.target as HTMLElement;
  if (event.key !== 'Enter' || event.shiftKey || target.tagName !== 'INPUT') return;
  event.preventDefault();
  next();
}

function ProgressBar({ value, step, total, caption }: { value: number; step: number; total: number; caption?: string }) {
  const { t } = useTranslation();
  const percent = Math.round(value * 100);
  return (
    <div className="intake-progress">
      <div className="intake-progress__text">{caption ?? t('intake.nav.step', { step, total })}</div>
      <div className="intake-progress__track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('intake.nav.progress')}>
        <div className="intake-progress__bar" style={{ width: `${Math.max(percent, 4)}%` }} />
      </div>
    </div>
  );
}

/** Names each field with a problem at the top of the group, so it is read out first. */
function IssueSummary({ issues, group, answers, lang }: { issues: AnyIssue[]; group: QuestionGroup; answers: Answers; lang: FormLang }) {
  const { t } = useTranslation();
  const issueText = useIssueText(lang);
  const visible = visibleQuestions(group, answers);
  return (
    <div className="intake-error-banner" role="alert" data-testid="intake-issues">
      <strong>{t('intake.nav.fixBelow')}</strong>
      <ul>
        {issues.map((issue) => {
          const q = visible.find((candidate) => candidate.id === questionIdOfPath(issue.path));
          const sub = q?.fields?.find((f) => issue.path.endsWith(`.${f.id}`));
          const field = [q ? pick(q.label, lang) : issue.path, sub ? pick(sub.label, lang) : null].filter(Boolean).join(' · ');
          return <li key={issue.path}>{t('validation.field', { field, reason: issueText(issue, sub ?? q) })}</li>;
        })}
      </ul>
    </div>
  );
}

function GroupFields(props: { group: QuestionGroup; answers: Answers; setAnswer(id: string, v: AnswerValue | undefined): void; issueMap: ReadonlyMap<string, AnyIssue>; lang: FormLang; variant: Variant; prefilled: ReadonlySet<string> }) {
  const { group, answers, setAnswer, issueMap, lang, variant, prefilled } = props;
  return (
    <div className="intake-fields">
      {visibleQuestions(group, answers).map((q) => (
        <QuestionField key={q.id} q={q} path={q.id} value={answers[q.id]} onChange={(v) => setAnswer(q.id, v)} issues={issueMap} lang={lang} variant={variant} prefilled={prefilled.has(q.id)} />
      ))}
    </div>
  );
}

/** The desk: every visible group on one scrolling page, a sticky summary at the side, Enter moves on. */
function DeskPage(props: { form: FormDefinition; groups: QuestionGroup[]; answers: Answers; setAnswer(id: string, v: AnswerValue | undefined): void; issueMap: ReadonlyMap<string, AnyIssue>; lang: FormLang; prefilled: ReadonlySet<string>; onReview(): void }) {
  const { form, groups, answers, setAnswer, issueMap, lang, prefilled, onReview } = props;
  const { t } = useTranslation();
  const done = groups.filter((g) => validateGroup(g, answers).length === 0).length;
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.shiftKey || target.tagName !== 'INPUT') return;
    event.preventDefault();
    const fields = [...event.currentTarget.querySelectorAll<HTMLElement>('input, textarea, button[role="radio"], button[role="checkbox"]')];
    const at = fields.indexOf(target);
    const after = fields.slice(at + 1).find((el) => el.closest('.intake-field') !== target.closest('.intake-field'));
    if (after) after.focus();
    else onReview();
  };
  return (
    <div className="intake-desk">
      <form
        className="intake-desk__form"
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          onReview();
        }}
      >
        {groups.map((g) => (
          <section key={g.id} id={`group-${g.id}`} className="intake-desk__group" data-testid={`intake-group-${g.id}`} aria-label={pick(g.title, lang)}>
            <h2>{pick(g.title, lang)}</h2>
            {g.help ? <p className="intake-muted">{pick(g.help, lang)}</p> : null}
            <GroupFields group={g} answers={answers} setAnswer={setAnswer} issueMap={issueMap} lang={lang} variant="desk" prefilled={prefilled} />
          </section>
        ))}
      </form>
      <aside className="intake-desk__summary" aria-label={t('intake.desk.summary')}>
        <h2>{pick(form.title, lang)}</h2>
        <ProgressBar value={groups.length === 0 ? 1 : done / groups.length} step={done} total={groups.length} caption={t('intake.desk.done', { done, total: groups.length })} />
        <ol className="intake-desk__toc">
          {groups.map((g) => {
            const bad = [...issueMap.keys()].some((path) => g.questions.some((q) => q.id === questionIdOfPath(path)));
            const ok = validateGroup(g, answers).length === 0;
            return (
              <li key={g.id} className={bad ? 'is-bad' : ok ? 'is-ok' : ''}>
                <a href={`#group-${g.id}`}>
                  <span aria-hidden="true">{bad ? '!' : ok ? '✓' : '·'}</span> {pick(g.title, lang)}
                </a>
              </li>
            );
          })}
        </ol>
        <BigButton variant="primary" onClick={onReview}>
          {t('intake.nav.toReview')}
        </BigButton>
      </aside>
    </div>
  );
}
