import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { maskByKind } from './mask';
import { sanitizeForKind, type FieldKind } from './field-kind';
import './touch-field.css';

export type { FieldKind } from './field-kind';

export interface TouchFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  kind: FieldKind;
  maxLength?: number;
  error?: string;
  help?: string;
  /** Personal data: shown masked unless the field is being edited or the resident taps 显示. */
  masked?: boolean;
  autoFocus?: boolean;
  /** Text that is mostly Latin letters and digits (receipt numbers, codes): the keyboard opens in ABC. */
  preferLatin?: boolean;
}

/** What the docked keyboard may do to the field it is attached to. */
export interface FieldHandle {
  id: string;
  label: string;
  kind: FieldKind;
  maxLength?: number;
  preferLatin?: boolean;
  /** Inserts at the caret (replacing any selection), respecting kind and maxLength. */
  insert(text: string): void;
  backspace(): void;
  clear(): void;
  /** Resident tapped 完成: the keyboard closes. */
  element(): HTMLInputElement | HTMLTextAreaElement | null;
}

interface KeyboardContextValue {
  active: FieldHandle | null;
  attach(handle: FieldHandle): void;
  detach(id: string): void;
  close(): void;
}

const KeyboardContext = createContext<KeyboardContextValue | null>(null);

/** The field the on-screen keyboard is attached to (null when it is hidden or outside a provider). */
export function useActiveField(): FieldHandle | null {
  return useContext(KeyboardContext)?.active ?? null;
}

/** Lets a screen close the keyboard, e.g. before submitting. */
export function useKeyboardControl(): { close(): void; isOpen: boolean } {
  const ctx = useContext(KeyboardContext);
  return useMemo(() => ({ close: () => ctx?.close(), isOpen: !!ctx?.active }), [ctx]);
}

// The keyboard (simple-keyboard, its CSS and the pinyin table) is its own chunk: the kiosk's first
// screen paints without it, and it is preloaded right after.
const loadKeyboard = () => import('./on-screen-keyboard');
const OnScreenKeyboard = lazy(loadKeyboard);

/** Starts fetching the keyboard chunk, so the first tap into a field shows it at once. */
export function preloadKeyboard(): void {
  void loadKeyboard();
}

/**
 * Root of a touch-only screen: ONE on-screen keyboard docked under the content, attached to
 * whichever TouchField was tapped last. The content area shrinks while the keyboard is up so the
 * focused field can always be scrolled into view (nothing is hidden behind the keys).
 */
export function KeyboardProvider({ children }: { children: ReactNode }) {
  const [active, setActive] = useState<FieldHandle | null>(null);
  const attach = useCallback((handle: FieldHandle) => setActive(handle), []);
  const detach = useCallback((id: string) => setActive((current) => (current?.id === id ? null : current)), []);
  const close = useCallback(() => {
    setActive((current) => {
      current?.element()?.blur();
      return null;
    });
  }, []);
  const value = useMemo(() => ({ active, attach, detach, close }), [active, attach, detach, close]);

  useEffect(() => {
    if (!active) return;
    // Keep the field visible above the keyboard once the content area has shrunk.
    const frame = requestAnimationFrame(() => active.element()?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [active]);

  return (
    <KeyboardContext.Provider value={value}>
      <div className="kb-host" data-keyboard-open={active ? 'true' : 'false'}>
        <div className="kb-host__content">{children}</div>
        {active ? (
          <Suspense fallback={<div className="kb-dock kb-dock--loading" />}>
            <OnScreenKeyboard field={active} onClose={close} />
          </Suspense>
        ) : null}
      </div>
    </KeyboardContext.Provider>
  );
}

function spliceValue(value: string, start: number, end: number, text: string): { next: string; caret: number } {
  return { next: value.slice(0, start) + text + value.slice(end), caret: start + text.length };
}

/**
 * A labelled text field for a touch screen. Inside a KeyboardProvider it never summons the
 * system keyboard (inputMode="none") and drives the docked on-screen keyboard instead; a
 * hardware keyboard (staff, tests) still types into it normally. Outside a provider (desk) it
 * is a plain input.
 */
export function TouchField(props: TouchFieldProps) {
  const { id, label, value, onChange, kind, maxLength, error, help, masked, autoFocus, preferLatin } = props;
  const { t } = useTranslation();
  const keyboard = useContext(KeyboardContext);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const helpId = useId();
  const errorId = useId();

  // The latest props, read by the handle without re-attaching it on every keystroke.
  const latest = useRef({ value, onChange, kind, maxLength });
  useLayoutEffect(() => {
    latest.current = { value, onChange, kind, maxLength };
  });

  const handle = useMemo<FieldHandle>(
    () => ({
      id,
      label,
      kind,
      ...(maxLength !== undefined ? { maxLength } : {}),
      ...(preferLatin ? { preferLatin } : {}),
      insert(text) {
        const { value: current, onChange: emit, kind: k, maxLength: max } = latest.current;
        const el = ref.current;
        const start = el?.selectionStart ?? current.length;
        const end = el?.selectionEnd ?? current.length;
        const { next, caret } = spliceValue(current, start, end, text);
        const clean = sanitizeForKind(next, k, max);
        if (clean === current) return;
        pendingCaret.current = Math.min(clean.length, caret + (clean.length - next.length));
        emit(clean);
      },
      backspace() {
        const { value: current, onChange: emit, kind: k, maxLength: max } = latest.current;
        const el = ref.current;
        let start = el?.selectionStart ?? current.length;
        const end = el?.selectionEnd ?? current.length;
        if (start === end) start = Math.max(0, start - Array.from(current.slice(0, start)).slice(-1).join('').length);
        if (start === end) return;
        const { next } = spliceValue(current, start, end, '');
        pendingCaret.current = start;
        emit(sanitizeForKind(next, k, max));
      },
      clear() {
        pendingCaret.current = 0;
        latest.current.onChange('');
      },
      element: () => ref.current,
    }),
    [id, label, kind, maxLength, preferLatin],
  );

  // Put the caret where the keyboard left it after React wrote the new value.
  useEffect(() => {
    const el = ref.current;
    if (el && pendingCaret.current !== null) {
      const caret = Math.min(pendingCaret.current, el.value.length);
      el.setSelectionRange(caret, caret);
      pendingCaret.current = null;
    }
  }, [value]);

  // Re-attach when the handle changes (label/kind) while this field is the active one.
  const isActive = keyboard?.active?.id === id;
  const attach = keyboard?.attach;
  const detach = keyboard?.detach;
  useEffect(() => {
    if (isActive && attach) attach(handle);
  }, [handle, isActive, attach]);
  useEffect(() => () => detach?.(id), [detach, id]);

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const showMasked = !!masked && !revealed && !focused && !isActive && value.length > 0;
  const shown = showMasked ? maskByKind(value, kind) : value;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    ref,
    value: shown,
    readOnly: showMasked,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    // Inside the kiosk the docked keyboard replaces the system one; at the desk staff type.
    inputMode: keyboard ? ('none' as const) : kind === 'numeric' || kind === 'phone' ? ('numeric' as const) : undefined,
    autoComplete: 'off',
    autoCorrect: 'off',
    spellCheck: false,
    className: `touch-field__input${isActive ? ' is-active' : ''}`,
    onFocus: () => {
      setFocused(true);
      if (keyboard) keyboard.attach(handle);
    },
    onBlur: () => setFocused(false),
    onPointerDown: () => {
      // A second tap on an already focused field brings the keyboard back after 完成.
      if (keyboard && !isActive) keyboard.attach(handle);
    },
    onChange: (event: { target: { value: string } }) => {
      if (showMasked) return;
      onChange(sanitizeForKind(event.target.value, kind, maxLength));
    },
  };

  return (
    <div className={`touch-field touch-field--${kind}${error ? ' has-error' : ''}`}>
      <label className="touch-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="touch-field__row">
        {kind === 'textarea' ? <textarea {...common} rows={4} /> : <input {...common} type="text" />}
        {masked && value.length > 0 ? (
          <button type="button" className="touch-field__reveal" onMouseDown={(e) => e.preventDefault()} onClick={() => setRevealed((r) => !r)} aria-pressed={revealed}>
            {revealed ? t('common.hide') : t('common.show')}
          </button>
        ) : null}
      </div>
      {help ? (
        <p className="touch-field__help" id={helpId}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p className="touch-field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
