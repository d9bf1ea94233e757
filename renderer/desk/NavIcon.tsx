import type { DeskPage } from './desk-nav';

/** Line icons for the nav (no icon font: the office PCs may lack emoji fonts). */
const PATHS: Record<DeskPage, string> = {
  inbox: 'M3 13h5l1.5 3h5L16 13h5M5 5h14l2 8v6H3v-6z',
  walkin: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  dashboard: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  kiosks: 'M4 4h16v11H4zM9 19h6M12 15v4',
  audit: 'M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  staff: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20c.6-3.5 3.3-6 6.5-6s5.9 2.5 6.5 6M16 4.5a3.5 3.5 0 0 1 0 6.5M18.5 14c1.7.8 2.8 3 3 6',
};

export function NavIcon(props: { page: DeskPage }) {
  return (
    <svg className="desk-nav-icon" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[props.page]} />
    </svg>
  );
}
