import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answers } from '../../kiosk-config/forms/form-schema';
import { intakeApi } from './intake-api';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

const DEBOUNCE_MS = 800;

/**
 * Keeps a draft of the answers on the core so a resident who walks away (or pauses) loses
 * nothing. Saves are chained: the first creates the draft, later ones reuse its id, so one
 * interview never leaves two drafts behind.
 */
export function useDraftAutosave(options: { enabled: boolean; formId: string; answers: Answers; groupIndex: number; initialDraftId?: string }) {
  const { enabled, formId, answers, groupIndex } = options;
  const draftIdRef = useRef<string | undefined>(options.initialDraftId);
  const chainRef = useRef<Promise<void>>(Promise.resolve());
  const latestRef = useRef({ formId, answers, groupIndex });
  const dirtyRef = useRef(false);
  const [status, setStatus] = useState<SaveStatus>('idle');

  const save = useCallback((): Promise<string | undefined> => {
    const run = chainRef.current.then(async () => {
      if (!dirtyRef.current && draftIdRef.current) return;
      dirtyRef.current = false;
      const { formId: id, answers: current, groupIndex: index } = latestRef.current;
      setStatus('saving');
      try {
        const result = await intakeApi.draftSave({ ...(draftIdRef.current ? { draftId: draftIdRef.current } : {}), formId: id, answers: current, groupIndex: index });
        draftIdRef.current = result.draftId;
        setStatus('saved');
      } catch {
        dirtyRef.current = true;
        setStatus('failed');
      }
    });
    chainRef.current = run;
    return run.then(() => draftIdRef.current);
  }, []);

  useEffect(() => {
    latestRef.current = { formId, answers, groupIndex };
    if (!enabled) return;
    dirtyRef.current = true;
    const timer = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [enabled, formId, answers, groupIndex, save]);

  /** Saves now (e.g. before pausing) and resolves with the draft id. */
  const flush = useCallback(() => save(), [save]);
  const draftId = useCallback(() => draftIdRef.current, []);

  return { status, flush, draftId };
}
