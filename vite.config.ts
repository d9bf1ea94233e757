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
    chunkSizeWarningLimit: 1500,
  },
});
