/**
 * Chromium features the app never uses and that cost a start measurable CPU. Since about
 * Chromium 150 every new browser window builds its omnibox popup as a WebUI page in a renderer of
 * its own; on a 2-core machine that renderer took as much CPU during start-up as the kiosk's
 * whole first screen (0.5 s, test/bench/startup.bench.ts). App and kiosk windows never show an
 * omnibox. Unknown feature names are ignored, so older and newer Chromiums accept the list.
 */
export const UNUSED_BROWSER_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'] as const;

/**
 * One --disable-features switch for all of `lists`: Chromium keeps only the last switch of a name,
 * so a second --disable-features would silently drop the first one's features.
 */
export function disableFeaturesSwitch(...lists: readonly (readonly string[])[]): string {
  return `--disable-features=${[...new Set(lists.flat())].join(',')}`;
}
