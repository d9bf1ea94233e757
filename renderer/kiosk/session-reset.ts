/**
 * Module-level state that must not outlive a resident's session registers a clearer here; the
 * idle reset runs them all before remounting the kiosk tree, so nothing typed or read from a
 * card can reach the next person.
 */
const clearers = new Set<() => void>();

export function onSessionReset(clear: () => void): () => void {
  clearers.add(clear);
  return () => clearers.delete(clear);
}

export function runSessionReset(): void {
  for (const clear of [...clearers]) {
    try {
      clear();
    } catch {
      // A clearer that throws must not stop the others.
    }
  }
  if (typeof window !== 'undefined') {
    window.getSelection()?.removeAllRanges();
    window.scrollTo(0, 0);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  }
}
