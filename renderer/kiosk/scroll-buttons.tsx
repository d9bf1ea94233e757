import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

/**
 * Big 上翻 / 下翻 buttons beside a long screen: many residents do not know to swipe, and a
 * page that silently continues below the edge is a trap. Shown only when there is more to see.
 */
export function ScrollButtons({ target, watch, onScrollable }: { target: RefObject<HTMLElement | null>; watch: unknown; onScrollable?(scrollable: boolean): void }) {
  const { t } = useTranslation();
  const [can, setCan] = useState({ up: false, down: false });

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const update = () => {
      const next = { up: el.scrollTop > 4, down: el.scrollTop + el.clientHeight < el.scrollHeight - 4 };
      setCan((prev) => (prev.up === next.up && prev.down === next.down ? prev : next));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    const mutations = new MutationObserver(update);
    mutations.observe(el, { childList: true, subtree: true });
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
      mutations.disconnect();
    };
  }, [target, watch]);

  const scrollable = can.up || can.down;
  useEffect(() => {
    onScrollable?.(scrollable);
  }, [scrollable, onScrollable]);

  const page = (direction: 1 | -1) => {
    const el = target.current;
    if (el) el.scrollBy({ top: direction * el.clientHeight * 0.8, behavior: 'smooth' });
  };

  if (!can.up && !can.down) return null;
  return (
    <div className="scroll-buttons">
      <button type="button" className="scroll-buttons__button" disabled={!can.up} onClick={() => page(-1)} aria-label={t('kiosk.chrome.scrollUp')}>
        <Icon name="up" />
        <span>{t('kiosk.chrome.scrollUpShort')}</span>
      </button>
      <button type="button" className="scroll-buttons__button" disabled={!can.down} onClick={() => page(1)} aria-label={t('kiosk.chrome.scrollDown')}>
        <Icon name="down" />
        <span>{t('kiosk.chrome.scrollDownShort')}</span>
      </button>
    </div>
  );
}
