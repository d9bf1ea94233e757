import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mask, type MaskKind } from './mask';
import './ui.css';

/** Personal data as it may appear on a public screen: masked, with an optional 显示 toggle. */
export function MaskedText({ value, kind, revealable = false }: { value: string; kind: MaskKind; revealable?: boolean }) {
  const { t } = useTranslation();
  const [revealed, setRevealed] = useState(false);
  return (
    <span className="masked-text">
      <span className="masked-text__value" data-masked={!revealed}>
        {revealed ? value : mask(value, kind)}
      </span>
      {revealable && value ? (
        <button type="button" className="masked-text__toggle" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
          {revealed ? t('common.hide') : t('common.show')}
        </button>
      ) : null}
    </span>
  );
}
