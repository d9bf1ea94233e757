import { api } from '../../api/client';
import { useTranslation } from 'react-i18next';
import { type GuideSummary } from '../kiosk-api';
import { useKioskNav } from '../kiosk-nav';
import { LoadView, ScreenTitle, useLang, useLoad } from './screen-parts';

function byCategory(guides: GuideSummary[], lang: 'zh-CN' | 'en'): Array<[string, GuideSummary[]]> {
  const groups = new Map<string, GuideSummary[]>();
  for (const guide of guides) {
    const key = guide.category[lang];
    groups.set(key, [...(groups.get(key) ?? []), guide]);
  }
  return [...groups.entries()];
}

/** 办事指南: every guide as a big card, grouped by category. */
export function GuidesScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const nav = useKioskNav();
  const [load, retry] = useLoad(() => api.guidesList({}), []);
  return (
    <section className="screen">
      <ScreenTitle icon="guides" title={t('kiosk.services.guides.title')} sub={t('kiosk.guides.sub')} />
      <LoadView load={load} retry={retry}>
        {(guides) =>
          guides.length === 0 ? (
            <p className="screen-status">{t('kiosk.guides.none')}</p>
          ) : (
            byCategory(guides, lang).map(([category, items]) => (
              <div key={category} className="card-group">
                <h2 className="card-group__title">{category}</h2>
                <ul className="card-list">
                  {items.map((guide) => (
                    <li key={guide.id}>
                      <button type="button" className="list-card" onClick={() => nav.go({ name: 'guide', id: guide.id })} data-testid={`guide-${guide.id}`}>
                        <span className="list-card__title">{guide.title[lang]}</span>
                        <span className="list-card__body">{guide.summary[lang]}</span>
                        <span className="list-card__more" aria-hidden="true">
                          {t('kiosk.guides.open')} ›
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )
        }
      </LoadView>
    </section>
  );
}
