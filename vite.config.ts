import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The browser host reads it to preload the role's chunk with the page (browser-host.ts).
    manifest: true,
    // One stylesheet for every role (about 50 KB): the page gets it with its first requests, and
    // opening a role's screens never waits for a style file of their own. The desk's and the
    // intake's class names are prefixed (desk-, intake-), so the roles' rules do not meet.
    cssCodeSplit: false,
    chunkSizeWarningLimit: 1500,
  },
});
