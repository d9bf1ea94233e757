import type { ButtonHTMLAttributes, ReactNode } from 'react';
import './ui.css';

export interface BigButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'md' | 'lg' | 'xl';
  icon?: ReactNode;
  block?: boolean;
}

/** A touch button at least 64 px tall with a visible pressed state (there is no hover on a touchscreen). */
export function BigButton({ variant = 'primary', size = 'lg', icon, block, className, children, type = 'button', ...rest }: BigButtonProps) {
  const classes = ['big-button', `big-button--${variant}`, `big-button--${size}`, block ? 'big-button--block' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {icon ? (
        <span className="big-button__icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className="big-button__text">{children}</span>
    </button>
  );
}
