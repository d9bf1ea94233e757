import { useState } from 'react';
import type { CardIdentityPayload } from '../../electron/core/api/events';
import type { ResumedDraft } from './intake-api';
import { InterviewScreen } from './InterviewScreen';
import { ResumeCodeEntry } from './ResumeCodeEntry';
import './intake.css';

export interface ResumeDraftScreenProps {
  variant?: 'kiosk' | 'desk';
  onExit(): void;
  identity?: CardIdentityPayload | null;
}

/**
 * 「继续填写」 from the kiosk home: the resident types the pickup code, and the interview opens
 * where they left it with their answers.
 */
export function ResumeDraftScreen({ variant = 'kiosk', onExit, identity }: ResumeDraftScreenProps) {
  const [draft, setDraft] = useState<ResumedDraft | null>(null);
  if (!draft) return <ResumeCodeEntry variant={variant} onResumed={setDraft} onCancel={onExit} />;
  return <InterviewScreen formId={draft.formId} variant={variant} onExit={onExit} {...(identity !== undefined ? { identity } : {})} draft={draft} />;
}

export default ResumeDraftScreen;
