import { useEffect, useState } from 'react';
import type { FormDefinition } from '../../kiosk-config/forms/form-schema';
import { ApiCallError } from '../api/client';
import { intakeApi } from './intake-api';

export type FormLoad = { state: 'loading' } | { state: 'ready'; form: FormDefinition } | { state: 'failed'; code: string };

/** The form definition as the core serves it (the same one it validates submissions against). */
export function useForm(formId: string, attempt: number): FormLoad {
  const key = `${formId}#${attempt}`;
  const [load, setLoad] = useState<{ key: string; result: FormLoad } | null>(null);
  useEffect(() => {
    let cancelled = false;
    intakeApi
      .formGet({ formId })
      .then((form) => {
        if (!cancelled) setLoad({ key, result: { state: 'ready', form } });
      })
      .catch((err: unknown) => {
        if (!cancelled) setLoad({ key, result: { state: 'failed', code: err instanceof ApiCallError ? err.payload.code : 'internal' } });
      });
    return () => {
      cancelled = true;
    };
  }, [formId, key]);
  // A result for another form (or an earlier attempt) is not this one's.
  return load && load.key === key ? load.result : { state: 'loading' };
}
