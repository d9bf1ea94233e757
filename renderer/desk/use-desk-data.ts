import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { StaffDirectoryEntry } from '../../electron/core/staff/staff-domain';
import { type FormSummary } from './desk-api';

/** Lists every desk page needs: form titles and colleagues' names, fetched once per mount. */
export function useForms(): FormSummary[] {
  const [forms, setForms] = useState<FormSummary[]>([]);
  useEffect(() => {
    let live = true;
    api
      .formsList({})
      .then((list) => live && setForms(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return forms;
}

export function useFormTitle(): (formId: string) => string {
  const forms = useForms();
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useCallback((formId: string) => forms.find((f) => f.id === formId)?.title[lang] ?? formId, [forms, lang]);
}

export function useDirectory(): { staff: StaffDirectoryEntry[]; nameOf(actor: string | null | undefined): string } {
  const [staff, setStaff] = useState<StaffDirectoryEntry[]>([]);
  useEffect(() => {
    let live = true;
    api
      .staffDirectory({})
      .then((list) => live && setStaff(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return {
    staff,
    nameOf: (actor) => {
      if (!actor) return '—';
      const entry = staff.find((s) => s.userId === actor || s.username === actor);
      return entry ? entry.displayName : actor;
    },
  };
}
