import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { idcardMessages } from '../../native-bridges/idcard/messages';

/**
 * Resources are split by area (`locales/<area>.<lang>.json`) so each part of the app keeps its
 * own strings; they merge into one namespace under the area name: t('kiosk.home.title').
 * test/unit/i18n-parity.test.ts fails when a key exists in one language only.
 *
 * Only what the first screen needs is in the main bundle: zh-CN for the shared and kiosk areas.
 * The rest loads on demand, before anything that uses it renders:
 * - a role's or a screen's own area (`desk`, `intake`) through `loadArea`, which the lazy
 *   imports of those screens wait for;
 * - English as a whole on the first switch to it: `i18n.changeLanguage('en')` loads it through
 *   the backend below and changes the language once it is there, so no raw key ever shows.
 */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Areas loaded only when a screen that uses them is about to render. */
export const LAZY_AREAS = ['desk', 'intake'] as const;
export type LazyArea = (typeof LAZY_AREAS)[number];

type Tree = Record<string, unknown>;

const eagerFiles = import.meta.glob<Tree>(['./locales/*.zh-CN.json', '!./locales/desk.zh-CN.json', '!./locales/intake.zh-CN.json'], { eager: true, import: 'default' });
const lazyFiles = import.meta.glob<Tree>(['./locales/*.en.json', './locales/desk.zh-CN.json', './locales/intake.zh-CN.json'], { import: 'default' });

function fileName(path: string): { area: string; lang: Lang } | null {
  const match = /\/([\w-]+)\.(zh-CN|en)\.json$/.exec(path);
  return match ? { area: match[1] as string, lang: match[2] as Lang } : null;
}

/** The reader bridge keeps its own flat messages ('idcard.error.no-card'); mount them as nested keys. */
function withIdcardMessages(translation: Tree, lang: Lang): Tree {
  for (const [key, text] of Object.entries(idcardMessages[lang])) setPath(translation, key.split('.'), text);
  return translation;
}

function setPath(target: Tree, path: string[], value: string): void {
  let node = target;
  for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Tree;
  node[path[path.length - 1] as string] = value;
}

/** The areas of one language that the main bundle carries. */
function bundledAreas(lang: Lang): Tree {
  const translation: Tree = {};
  for (const [path, data] of Object.entries(eagerFiles)) {
    const name = fileName(path);
    if (name?.lang === lang) translation[name.area] = data;
  }
  return translation;
}

/** The zh-CN resources the main bundle carries. */
function eagerResources(): Tree {
  return withIdcardMessages(bundledAreas('zh-CN'), 'zh-CN');
}

/** Every area of one language, loaded from its chunks (the backend's read). */
async function loadLanguage(lang: Lang): Promise<Tree> {
  const translation = bundledAreas(lang);
  const loads: Array<Promise<void>> = [];
  for (const [path, load] of Object.entries(lazyFiles)) {
    const name = fileName(path);
    if (name?.lang === lang)
      loads.push(
        load().then((data) => {
          translation[name.area] = data;
        }),
      );
  }
  await Promise.all(loads);
  return withIdcardMessages(translation, lang);
}

const lazyLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (!(LANGS as readonly string[]).includes(language)) {
      callback(null, {});
      return;
    }
    loadLanguage(language as Lang).then(
      (data) => callback(null, data as ResourceKey),
      (error: unknown) => callback(error as Error, false),
    );
  },
};

export const i18n = i18next.createInstance();

void i18n
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: eagerResources() } },
    partialBundledLanguages: true,
    lng: 'zh-CN',
    fallbackLng: false,
    supportedLngs: [...LANGS],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });

const areaLoads = new Map<LazyArea, Promise<void>>();

/**
 * Adds a lazy area's zh-CN strings (English arrives whole with the language). Screens that use
 * the area are imported together with this promise, so they never render before it resolves.
 */
export function loadArea(area: LazyArea): Promise<void> {
  let loading = areaLoads.get(area);
  if (!loading) {
    const load = lazyFiles[`./locales/${area}.zh-CN.json`];
    loading = (load ? load() : Promise.resolve({}))
      .then((data) => {
        i18n.addResourceBundle('zh-CN', 'translation', { [area]: data }, true, true);
      })
      .catch((error: unknown) => {
        areaLoads.delete(area);
        throw error;
      });
    areaLoads.set(area, loading);
  }
  return loading;
}

/** Resolves with a lazily imported module once the areas it uses are loaded. */
export function withAreas<M>(areas: readonly LazyArea[], module: Promise<M>): Promise<M> {
  return Promise.all([module, ...areas.map(loadArea)]).then(([loaded]) => loaded);
}

/**
 * Once the first screen is up and the page is idle, fetch the rest (the other language, the
 * intake strings) so that the first tap on 「English」 or on a form does not wait for the network
 * on a busy machine. Loading is all it does: nothing changes on screen.
 */
export function prefetchWhenIdle(): void {
  const run = (): void => {
    void i18n.loadLanguages(LANGS.filter((lang) => lang !== i18n.language)).catch(() => undefined);
    void loadArea('intake').catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 2000);
}

// Screen readers and the CJK font choice follow the page language.
i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});
