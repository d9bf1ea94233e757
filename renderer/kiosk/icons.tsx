import type { KioskService } from '../../kiosk-config/site-schema';

/** Line icons drawn inline (no icon font to load); they inherit the text colour. */
const PATHS: Record<string, string> = {
  guides: 'M9 3h6v3H9zM7 4.5H5.5A1.5 1.5 0 0 0 4 6v14a1.5 1.5 0 0 0 1.5 1.5h13A1.5 1.5 0 0 0 20 20V6a1.5 1.5 0 0 0-1.5-1.5H17M8 11h8M8 15h8M8 19h5',
  library: 'M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5zM4 20.5A2.5 2.5 0 0 0 6.5 23H20v-5M9 8h7M9 12h5',
  transparency: 'M3 21h18M5 21V10M19 21V10M9 21v-7M15 21v-7M2 10l10-7 10 7z',
  legalAid: 'M12 3v18M7 21h10M5 7h14M5 7l-3 7a3 3 0 0 0 6 0zM19 7l-3 7a3 3 0 0 0 6 0zM12 3l-1 1h2z',
  mediation: 'M3 6a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2H8l-4 3v-3.2A2 2 0 0 1 3 11zM17 8h2a2 2 0 0 1 2 2v5a2 2 0 0 1-1 1.8V20l-4-3h-4a2 2 0 0 1-2-2',
  reconsideration: 'M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h5M14 3l5 5v3M14 3v5h5M8 9h3M8 13h4M17 21a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM22 22l-2-2',
  legislativeOpinion: 'M3 10v4a1 1 0 0 0 1 1h3l6 4V5L7 9H4a1 1 0 0 0-1 1zM17 8a5 5 0 0 1 0 8M20 5a9 9 0 0 1 0 14',
  progress: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 6v6l4 2',
  evaluation: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM8 14s1.5 2.5 4 2.5 4-2.5 4-2.5M9 9h.01M15 9h.01',
  home: 'M3 11l9-8 9 8M5 9.5V21h5v-6h4v6h5V9.5',
  back: 'M15 5l-7 7 7 7',
  elder: 'M4 19l4.5-13h1L14 19M5.6 15h6.8M15 19l3-8.5h.5L21.5 19M15.9 16.5h4.2',
  globe: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20',
  search: 'M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.3-4.3',
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z',
  up: 'M6 15l6-6 6 6',
  down: 'M6 9l6 6 6-6',
  check: 'M5 12l5 5L20 7',
};

export type IconName = KioskService | 'home' | 'back' | 'elder' | 'globe' | 'search' | 'phone' | 'up' | 'down' | 'check';

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={className ?? 'icon'} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The office mark: scales of justice in a red disc (not the national emblem, which sites may not imitate). */
export function OfficeMark({ size = 56 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false" className="office-mark">
      <circle cx="24" cy="24" r="23" fill="var(--brand)" />
      <circle cx="24" cy="24" r="19.5" fill="none" stroke="#facc15" strokeWidth="1.5" />
      <g fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M24 12v23M17 35h14M14 17h20M14 17l-4 9a4 4 0 0 0 8 0zM34 17l-4 9a4 4 0 0 0 8 0z" />
      </g>
      <circle cx="24" cy="11" r="1.8" fill="#facc15" />
    </svg>
  );
}
