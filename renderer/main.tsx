import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchWhenIdle } from './i18n';
import './ui/base.css';
import { App, firstScreenReady } from './App';

// The first render waits for the role's screens (downloaded alongside this bundle), so it paints
// the real first screen instead of a loading message that React then has to replace.
const root = document.getElementById('root');
if (root) {
  void firstScreenReady.then(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    prefetchWhenIdle();
  });
}
