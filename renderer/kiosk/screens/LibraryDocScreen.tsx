import { api } from '../../api/client';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type LibraryDocument } from '../kiosk-api';
import { LoadView, useLoad } from './screen-parts';

/** Marks every occurrence of the query's words in a paragraph (text nodes only). */
function Highlighted({ text, query }: { text: string; query?: string }) {
  const terms = (query ?? '')
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (!terms.length) return <>{text}</>;
  const escaped = terms.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'gi'));
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}
    </>
  );
}

function DocumentView({ doc, query }: { doc: LibraryDocument; query?: string }) {
  const { t } = useTranslation();
  const focus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    focus.current?.scrollIntoView({ block: 'center' });
  }, [doc]);

  return (
    <article className="law-doc" data-testid="library-document">
      <header className="law-doc__head">
        <span className={`kind-badge kind-badge--${doc.kind}`}>{t(`kiosk.library.kinds.${doc.kind}`)}</span>
        <h1 className="law-doc__title">{doc.title}</h1>
        <p className="law-doc__version" data-testid="version-date">
          {doc.date ? t('kiosk.library.versionDate', { date: doc.date }) : t('kiosk.library.noDate')}
        </p>
        {doc.versionNote ? <p className="law-doc__note">{doc.versionNote}</p> : null}
      </header>
      {doc.paragraphs.map((p, i) => {
        // A chapter heading is shown where it starts, not above every paragraph under it.
        const heading = p.heading && p.heading !== doc.paragraphs[i - 1]?.heading ? p.heading : null;
        const isFocus = p.ordinal === doc.focusOrdinal;
        return (
          <div key={p.ordinal}>
            {heading ? <h2 className="law-doc__heading">{heading}</h2> : null}
            <p
              className={`law-doc__para${isFocus ? ' is-focus' : ''}`}
              data-ordinal={p.ordinal}
              {...(isFocus ? { 'data-testid': 'doc-focus', ref: (el: HTMLParagraphElement | null) => void (focus.current = el) } : {})}
            >
              {isFocus ? <Highlighted text={p.text} {...(query ? { query } : {})} /> : p.text}
            </p>
          </div>
        );
      })}
    </article>
  );
}

/** A law, policy or case opened at the paragraph that matched, with its version date. */
export function LibraryDocScreen({ docId, ordinal, query }: { docId: string; ordinal: number; query?: string }) {
  const [load, retry] = useLoad(() => api.libraryDocument({ docId, ordinal }), [docId, ordinal]);
  return (
    <section className="screen">
      <LoadView load={load} retry={retry}>
        {(doc) => <DocumentView doc={doc} {...(query ? { query } : {})} />}
      </LoadView>
    </section>
  );
}
