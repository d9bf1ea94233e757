import { api } from '../../api/client';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BigButton } from '../../ui/big-button';
import { TouchField, useKeyboardControl } from '../../ui/touch-field';
import { Icon } from '../icons';
import { type LibraryHit, type LibraryKind } from '../kiosk-api';
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
  const [attempt, setAttempt] = useState(0);
  const kind = initialKind;
  const q = initialQuery.trim();
  // What the screen shows answers exactly one (query, kind, attempt); anything else is "searching".
  const key = JSON.stringify([q, kind ?? null, attempt]);
  const [outcome, setOutcome] = useState<{ key: string; results?: Results; error?: string } | null>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const current = outcome?.key === key ? outcome : null;
  const results = current?.results ?? null;
  const error = current?.error ?? null;
  const busy = (!!q && !current) || moreBusy;

  // The route holds the query and filter, so Back from a document returns to these results.
  useEffect(() => {
    if (!q) return;
    let live = true;
    api
      .librarySearch({ q, ...(kind ? { kind } : {}), limit: PAGE, offset: 0 })
      .then((r) => live && setOutcome({ key, results: { q, hits: r.hits, total: r.total, capped: !!r.totalCapped } }))
      .catch((err: unknown) => live && setOutcome({ key, error: errorText(err) }));
    return () => {
      live = false;
    };
  }, [q, kind, key, errorText]);

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    const next = text.trim();
    if (!next) return;
    keyboard.close();
    if (next === q) setAttempt((n) => n + 1);
    else nav.replace({ name: 'library', q: next, ...(kind ? { kind } : {}) });
  };

  const chooseKind = (next: LibraryKind | 'all') => {
    const query = text.trim() || q;
    nav.replace({ name: 'library', ...(query ? { q: query } : {}), ...(next !== 'all' ? { kind: next } : {}) });
  };

  const more = () => {
    if (!results) return;
    setMoreBusy(true);
    api
      .librarySearch({ q: results.q, ...(kind ? { kind } : {}), limit: PAGE, offset: results.hits.length })
      .then((r) => setOutcome({ key, results: { ...results, hits: [...results.hits, ...r.hits] } }))
      .catch((err: unknown) => setOutcome({ key, ...(results ? { results } : {}), error: errorText(err) }))
      .finally(() => setMoreBusy(false));
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
