import { api } from '../../api/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../../ui/qr-code';
import { type GuideDetail, type Localized } from '../kiosk-api';
import { LoadView, ScreenTitle, useLang, useLoad } from './screen-parts';

/** Markdown -> sanitised HTML. marked and DOMPurify load with the first guide, not with the kiosk. */
function useMarkdown(source: string): string | null {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([import('marked'), import('dompurify')]).then(([{ marked }, { default: DOMPurify }]) => {
      const raw = marked.parse(source, { async: false, gfm: true, breaks: false });
      const clean = DOMPurify.sanitize(raw, { USE_PROFILES: { html: true }, FORBID_TAGS: ['img', 'style', 'form', 'input', 'iframe'], FORBID_ATTR: ['style'] });
      if (live) setHtml(clean);
    });
    return () => {
      live = false;
    };
  }, [source]);
  return html;
}

function Fact({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={wide ? 'fact fact--wide' : 'fact'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function GuideBody({ guide }: { guide: GuideDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const body = useMarkdown(guide.body[lang]);
  const list = (items: Localized[]) => items.map((item, i) => <li key={i}>{item[lang]}</li>);
  return (
    <div className="guide">
      <div className="guide__main">
        <dl className="facts">
          <Fact label={t('kiosk.guide.whoMayApply')} value={guide.whoMayApply[lang]} wide />
          <Fact label={t('kiosk.guide.where')} value={guide.where[lang]} />
          <Fact label={t('kiosk.guide.hours')} value={guide.hours[lang]} />
          <Fact label={t('kiosk.guide.cost')} value={guide.cost[lang]} />
        </dl>
        {guide.materials.length ? (
          <>
            <h2 className="section-title">{t('kiosk.guide.materials')}</h2>
            <ol className="check-list">{list(guide.materials)}</ol>
          </>
        ) : null}
        {guide.steps.length ? (
          <>
            <h2 className="section-title">{t('kiosk.guide.steps')}</h2>
            <ol className="steps">{list(guide.steps)}</ol>
          </>
        ) : null}
        {guide.body[lang].trim() ? (
          <>
            <h2 className="section-title">{t('kiosk.guide.details')}</h2>
            {body === null ? <p className="screen-status">{t('common.loading')}</p> : <div className="prose" dangerouslySetInnerHTML={{ __html: body }} />}
          </>
        ) : null}
      </div>
      <aside className="guide__take-away">
        <QrCode text={guide.takeAwayText} size={260} label={t('kiosk.guide.qrLabel', { title: guide.title[lang] })} />
        <div className="guide__take-away-text">
          <p className="guide__take-away-title">{t('kiosk.guide.takeAway')}</p>
          <p className="guide__take-away-hint">{t('kiosk.guide.takeAwayHint')}</p>
        </div>
      </aside>
    </div>
  );
}

export function GuideScreen({ id }: { id: string }) {
  const lang = useLang();
  const [load, retry] = useLoad(() => api.guideGet({ id }), [id]);
  return (
    <section className="screen">
      <LoadView load={load} retry={retry}>
        {(guide) => (
          <>
            <ScreenTitle icon="guides" title={guide.title[lang]} sub={guide.category[lang]} />
            <GuideBody guide={guide} />
          </>
        )}
      </LoadView>
    </section>
  );
}
