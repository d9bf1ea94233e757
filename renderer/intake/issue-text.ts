import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../kiosk-config/forms/form-schema';
import { pick, type FormLang } from './form-text';
import { issueKey, type AnyIssue } from './issue-paths';

/** The sentence under a field: the form's own patternMessage wins over the generic reason. */
export function useIssueText(lang: FormLang): (issue: AnyIssue | undefined, q?: Question) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (issue, q) => {
      if (!issue) return undefined;
      const own = 'message' in issue ? issue.message : undefined;
      if (own) return pick(own, lang);
      const key = issueKey(issue);
      if (key === 'validation.format' && q?.patternMessage) return pick(q.patternMessage, lang);
      return t(key, issue.params ?? {});
    },
    [t, lang],
  );
}
