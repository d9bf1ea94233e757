import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ui.css';

export interface DialogProps {
  open: boolean;
  title: ReactNode;
  children?: ReactNode;
  /** Buttons, usually BigButtons; the first one is focused when the dialog opens. */
  actions?: ReactNode;
  /** Tapping outside does nothing unless this is given (residents tap by accident). */
  onDismiss?: () => void;
  tone?: 'default' | 'warning';
  testId?: string;
}

/** A modal message over a dimmed screen; large text, buttons stacked for easy tapping. */
export function Dialog({ open, title, children, actions, onDismiss, tone = 'default', testId }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('.dialog__actions button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && onDismiss) onDismiss();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onDismiss]);

  if (!open) return null;
  return (
    <div className="dialog-backdrop" onClick={onDismiss} data-testid={testId}>
      <div ref={panel} className={`dialog dialog--${tone}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onClick={(e) => e.stopPropagation()}>
        <h2 className="dialog__title" id={titleId}>
          {title}
        </h2>
        {children ? <div className="dialog__body">{children}</div> : null}
        {actions ? <div className="dialog__actions">{actions}</div> : null}
      </div>
    </div>
  );
}
