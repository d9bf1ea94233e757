import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../../ui/big-button';
import { TouchField, useKeyboardControl } from '../../ui/touch-field';
import { Icon } from '../icons';
import { kioskApi, type LibraryHit, type LibraryKind } from '../kiosk-api';
import { useKioskNav } from '../kiosk-nav';
import { useErrorText } from '../use-error-text';
import { ScreenTitle } from './screen-parts';

const PAGE = 20;
const KINDS: Array<LibraryKind | 'all'> = ['all', 'law', 'policy', 'case'];

type Results = { q: string; hits: LibraryHit[]; total: number; capped: boolean };

/** Snippet segments as text with <mark> on the hits: never HTML from the index. */
export function Snippet({ segments }: { segments: LibraryHit['snippet'] }) {
  return (
    <span className="snippet">
      {segments.map((seg, i) => (seg.hit ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>))}
    </span>
  );
}

/** 法律法规查询: a pinyin-keyboard search box, kind chips, and hits with the matching passage. */
export function LibraryScreen({ initialQuery = '', initialKind }: { initialQuery?: string; initialKind?: LibraryKind }) {
  const { t } = useTranslation();
  const nav = useKioskNav();
  const keyboard = useKeyboardControl();
  const errorText = useErrorText();
  const [text, setText] = useState(initialQuery);
  const [results, setResults] = useState<Results | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const kind = initialKind;

  // The route holds the query and filter, so Back from a document returns to these results.
  useEffect(() => {
    const q = initialQuery.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let live = true;
    setBusy(true);
    setError(null);
    kioskApi
      .librarySearch({ q, ...(kind ? { kind } : {}), limit: PAGE, offset: 0 })
      .then((r) => live && setResults({ q, hits: r.hits, total: r.total, capped: !!r.totalCapped }))
      .catch((err: unknown) => live && setError(errorText(err)))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [initialQuery, kind, attempt, errorText]);

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    const q = text.trim();
    if (!q) return;
    keyboard.close();
    performance.mark('kiosk:search');
    if (q === initialQuery) setAttempt((n) => n + 1);
    else nav.replace({ name: 'library', q, ...(kind ? { kind } : {}) });
  };

  const chooseKind = (next: LibraryKind | 'all') => {
    const q = text.trim() || initialQuery;
    nav.replace({ name: 'library', ...(q ? { q } : {}), ...(next !== 'all' ? { kind: next } : {}) });
  };

  const more = () => {
    if (!results) return;
    setBusy(true);
    kioskApi
      .librarySearch({ q: results.q, ...(kind ? { kind } : {}), limit: PAGE, offset: results.hits.length })
      .then((r) => setResults({ ...results, hits: [...results.hits, ...r.hits] }))
      .catch((err: unknown) => setError(errorText(err)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="screen library">
      <ScreenTitle icon="library" title={t('kiosk.services.library.title')} sub={t('kiosk.library.sub')} />
      <form className="search-bar" onSubmit={search} role="search">
        <TouchField id="library-q" label={t('kiosk.library.label')} value={text} onChange={setText} kind="text" maxLength={40} help={t('kiosk.library.help')} />
        <BigButton type="submit" size="xl" icon={<Icon name="search" />} disabled={!text.trim()} data-testid="library-search">
          {t('kiosk.library.search')}
        </BigButton>
      </form>
      <div className="chips" role="group" aria-label={t('kiosk.library.kindLabel')}>
        {KINDS.map((k) => (
          <button key={k} type="button" className={`chip${(kind ?? 'all') === k ? ' is-on' : ''}`} aria-pressed={(kind ?? 'all') === k} onClick={() => chooseKind(k)} data-testid={`kind-${k}`}>
            {t(`kiosk.library.kinds.${k}`)}
          </button>
        ))}
      </div>
      {error ? (
        <div className="screen-status screen-status--error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {busy && !results ? (
        <p className="screen-status" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('kiosk.library.searching')}
        </p>
      ) : null}
      {results ? (
        <div className="results" data-testid="library-results">
          <p className="results__count" role="status">
            {results.total === 0 ? t('kiosk.library.noHits', { q: results.q }) : t(results.capped ? 'kiosk.library.countCapped' : 'kiosk.library.count', { count: results.total, q: results.q })}
          </p>
          <ol className="hit-list">
            {results.hits.map((hit) => (
              <li key={`${hit.docId}-${hit.ordinal}`}>
                <button type="button" className="hit" onClick={() => nav.go({ name: 'libraryDoc', docId: hit.docId, ordinal: hit.ordinal, q: results.q })} data-testid="library-hit">
                  <span className="hit__head">
                    <span className={`kind-badge kind-badge--${hit.kind}`}>{t(`kiosk.library.kinds.${hit.kind}`)}</span>
                    <span className="hit__title">{hit.title}</span>
                  </span>
                  {hit.heading ? <span className="hit__heading">{hit.heading}</span> : null}
                  <span className="hit__snippet">
                    <Snippet segments={hit.snippet} />
                  </span>
                  {hit.date ? <span className="hit__date">{t('kiosk.library.versionDate', { date: hit.date })}</span> : null}
                </button>
              </li>
            ))}
          </ol>
          {results.hits.length < results.total ? (
            <BigButton variant="secondary" block onClick={more} disabled={busy}>
              {t('kiosk.library.more')}
            </BigButton>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
