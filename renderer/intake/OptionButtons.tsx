import type { FormOption } from '../../kiosk-config/forms/form-schema';
import { pick, type FormLang } from './form-text';

/** Big buttons with radio (one) or checkbox (many) semantics, so touch and screen readers agree. */
export function OptionButtons(props: {
  labelId: string;
  options: readonly { value: string; label: string; help?: string }[];
  selected: readonly string[];
  multiple: boolean;
  onToggle(value: string): void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const { labelId, options, selected, multiple, onToggle, invalid, describedBy } = props;
  return (
    <div
      className={`intake-options${multiple ? ' intake-options--multi' : ''}`}
      role={multiple ? 'group' : 'radiogroup'}
      aria-labelledby={labelId}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
    >
      {options.map((option) => {
        const checked = selected.includes(option.value);
        return (
          <button
            key={option.value}
            type="button"
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={checked}
            className={`intake-option${checked ? ' is-checked' : ''}`}
            onClick={() => onToggle(option.value)}
          >
            <span className="intake-option__mark" aria-hidden="true">
              {checked ? '✓' : ''}
            </span>
            <span className="intake-option__text">
              <span className="intake-option__label">{option.label}</span>
              {option.help ? <span className="intake-option__help">{option.help}</span> : null}
            </span>
          </button>
        );
      })}
    </div>
  );
}

export function localOptions(options: readonly FormOption[] | undefined, lang: FormLang): { value: string; label: string; help?: string }[] {
  return (options ?? []).map((o) => ({ value: o.value, label: pick(o.label, lang), ...(o.help ? { help: pick(o.help, lang) } : {}) }));
}
