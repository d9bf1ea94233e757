/**
 * Bundles the Node side: the Electron main process and preload (CommonJS, dist-electron/) and the
 * browser host (ESM, dist/host/), so the app starts on plain Node without compiling TypeScript at
 * launch. Dependencies stay external (native modules load from node_modules); the preload is
 * self-contained because a sandboxed preload can require nothing but 'electron'.
 * `--host-only` builds just the browser host.
 */
import { build } from 'vite';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
const external = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies ?? {})];

const targets = [
  { entry: 'electron/browser-host/main.ts', outDir: 'dist/host', file: 'browser-host.mjs', format: 'es', selfContained: false },
  { entry: 'electron/main.ts', outDir: 'dist-electron', file: 'main.cjs', format: 'cjs', selfContained: false },
  { entry: 'electron/preload.ts', outDir: 'dist-electron', file: 'preload.cjs', format: 'cjs', selfContained: true },
] as const;

for (const target of process.argv.includes('--host-only') ? targets.slice(0, 1) : targets) {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: target.entry,
      outDir: target.outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: {
        external: target.selfContained ? ['electron'] : (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
        output: { format: target.format, entryFileNames: target.file },
      },
    },
  });
}
console.log('built: dist/host/browser-host.mjs' + (process.argv.includes('--host-only') ? '' : ', dist-electron/main.cjs, dist-electron/preload.cjs'));
