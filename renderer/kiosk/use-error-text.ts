import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/client';

/** A failed call as one polite sentence: `errors.<code>` when we know the code, else a general one. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiCallError) {
        const key = `errors.${error.payload.code}`;
        if (i18n.exists(key)) return t(key, (error.payload.params ?? {}) as Record<string, string>);
      }
      return t('errors.internal');
    },
    [t, i18n],
  );
}
