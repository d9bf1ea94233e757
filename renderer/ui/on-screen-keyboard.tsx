import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import chineseLayout from 'simple-keyboard-layouts/build/layouts/chinese';
import { candidatesFor, createPinyinIndex, segmentBuffer, type Candidate } from './pinyin-composer';
import { padKindFor, padLayout, textLayout, type TextMode } from './keyboard-layouts';
import type { FieldHandle } from './touch-field';
import './keyboard.css';

// The pinyin table of simple-keyboard-layouts' Chinese layout (toneless syllable -> characters).
const pinyinIndex = createPinyinIndex((chineseLayout as { layoutCandidates?: Record<string, string> }).layoutCandidates ?? {});

const MAX_BUFFER = 30;

function pageSizeFor(width: number): number {
  return width >= 1600 ? 16 : width >= 1000 ? 9 : 6;
}

/**
 * The docked keyboard (lazy chunk). simple-keyboard draws the keys; composition, candidates and
 * where text goes are handled here so the field only ever receives finished characters.
 */
export default function OnScreenKeyboard({ field, onClose }: { field: FieldHandle; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const keyboard = useRef<Keyboard | null>(null);
  const pad = padKindFor(field.kind);
  const preferredText: TextMode = i18n.language === 'en' || field.preferLatin ? 'abc' : 'pinyin';
  const [mode, setMode] = useState<TextMode>(preferredText);
  const [buffer, setBuffer] = useState('');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(() => pageSizeFor(window.innerWidth));

  // A different field starts afresh: no half-typed pinyin carries over.
  const [fieldId, setFieldId] = useState(field.id);
  if (fieldId !== field.id) {
    setFieldId(field.id);
    setBuffer('');
    setPage(0);
    setMode(preferredText);
  }

  useEffect(() => {
    const onResize = () => setPageSize(pageSizeFor(window.innerWidth));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const candidates = useMemo(() => (mode === 'pinyin' ? candidatesFor(pinyinIndex, buffer) : []), [mode, buffer]);
  const pages = Math.max(1, Math.ceil(candidates.length / pageSize));
  const shown = candidates.slice(page * pageSize, page * pageSize + pageSize);

  const pick = (candidate: Candidate): void => {
    field.insert(candidate.text);
    setBuffer((b) => b.slice(candidate.consume));
    setPage(0);
  };

  /** Ends composition before anything else is typed: the first candidate, or the letters as typed. */
  const commitBuffer = (): void => {
    if (!buffer) return;
    const first = candidates[0];
    if (first) {
      field.insert(first.text);
      setBuffer(buffer.slice(first.consume));
    } else {
      field.insert(buffer);
      setBuffer('');
    }
    setPage(0);
  };

  const press = (button: string): void => {
    switch (button) {
      case '{bksp}':
        if (buffer) {
          setBuffer(buffer.slice(0, -1));
          setPage(0);
        } else field.backspace();
        return;
      case '{space}':
        if (buffer) commitBuffer();
        else field.insert(' ');
        return;
      case '{enter}':
        if (buffer) {
          field.insert(buffer);
          setBuffer('');
        } else field.insert('\n');
        return;
      case '{clear}':
        setBuffer('');
        field.clear();
        return;
      case '{mode}':
        if (buffer) {
          field.insert(buffer);
          setBuffer('');
        }
        setMode(mode === 'pinyin' ? 'abc' : 'pinyin');
        return;
      case '{symbols}':
        commitBuffer();
        setMode('symbols');
        return;
      case '{letters}':
        setMode(preferredText);
        return;
      case '{shift}':
        setMode(mode === 'abcShift' ? 'abc' : 'abcShift');
        return;
      default:
        if (button.startsWith('{')) return;
        if (mode === 'pinyin' && /^[a-z]$/.test(button)) {
          if (buffer.length < MAX_BUFFER) setBuffer(buffer + button);
          setPage(0);
          return;
        }
        if (buffer) commitBuffer();
        field.insert(button);
        if (mode === 'abcShift') setMode('abc');
    }
  };
  const pressRef = useRef(press);
  useLayoutEffect(() => {
    pressRef.current = press;
  });

  const display = useMemo(
    () => ({
      '{bksp}': `⌫ ${t('keyboard.backspace')}`,
      '{space}': t('keyboard.space'),
      '{enter}': t('keyboard.newline'),
      '{clear}': t('keyboard.clear'),
      '{shift}': `⇧ ${t('keyboard.shift')}`,
      '{symbols}': t('keyboard.symbols'),
      '{letters}': t('keyboard.letters'),
      '{mode}': mode === 'pinyin' ? '<b class="kb-on">中</b> / ABC' : '中 / <b class="kb-on">ABC</b>',
    }),
    [t, mode],
  );

  const layout = useMemo(() => (pad ? { default: padLayout(pad) } : textLayout(field.kind === 'textarea')), [pad, field.kind]);
  const layoutName = pad ? 'default' : mode;

  useEffect(() => {
    if (!host.current) return;
    const instance = new Keyboard(host.current, {
      theme: 'hg-theme-default kb-theme',
      useButtonTag: true,
      preventMouseDownDefault: true,
      disableButtonHold: true,
      disableCaretPositioning: true,
      onKeyPress: (button: string) => pressRef.current(button),
    });
    keyboard.current = instance;
    return () => {
      instance.destroy();
      keyboard.current = null;
    };
  }, []);

  useEffect(() => {
    keyboard.current?.setOptions({
      layout,
      layoutName,
      display,
      buttonTheme: [
        { class: 'kb-fn', buttons: '{bksp} {enter} {clear} {shift} {symbols} {letters} {mode}' },
        { class: 'kb-space', buttons: '{space}' },
        ...(pad ? [{ class: 'kb-padkey', buttons: '1 2 3 4 5 6 7 8 9 0 X - {bksp} {clear}' }] : []),
      ],
    });
  }, [layout, layoutName, display, pad]);

  return (
    <div
      className={`kb-dock${pad ? ' kb-dock--pad' : ''}`}
      role="group"
      aria-label={t('keyboard.title')}
      data-testid="onscreen-keyboard"
      data-mode={pad ?? mode}
      // Taps on the keyboard must not take focus (and the caret) away from the field.
      onMouseDown={(e) => e.preventDefault()}
    >
      <div className="kb-bar">
        <span className="kb-bar__label">
          {t('keyboard.typingInto')}
          <strong>{field.label}</strong>
        </span>
        {pad === 'date' ? <span className="kb-bar__hint">{t('keyboard.dateHint')}</span> : null}
        {pad === 'idNumber' ? <span className="kb-bar__hint">{t('keyboard.idHint')}</span> : null}
        <button type="button" className="kb-done" onClick={onClose}>
          {t('keyboard.done')}
        </button>
      </div>
      {!pad && mode === 'pinyin' ? (
        <div className="kb-candidates" data-testid="candidate-bar">
          {buffer ? (
            <>
              <span className="kb-compose" aria-live="polite" data-testid="pinyin-buffer">
                {segmentBuffer(pinyinIndex, buffer).join("'")}
              </span>
              <button type="button" className="kb-page" disabled={page === 0} onClick={() => setPage(page - 1)} aria-label={t('keyboard.prevPage')}>
                ◀
              </button>
              <ol className="kb-candidate-list">
                {shown.map((c) => (
                  <li key={c.text}>
                    <button type="button" className="kb-candidate" onClick={() => pick(c)}>
                      {c.text}
                    </button>
                  </li>
                ))}
                {shown.length === 0 ? <li className="kb-candidates__none">{t('keyboard.noCandidates')}</li> : null}
              </ol>
              <button type="button" className="kb-page" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} aria-label={t('keyboard.nextPage')}>
                ▶
              </button>
            </>
          ) : (
            <span className="kb-candidates__hint">{t('keyboard.pinyinHint')}</span>
          )}
        </div>
      ) : null}
      <div ref={host} className="kb-keys" />
    </div>
  );
}
