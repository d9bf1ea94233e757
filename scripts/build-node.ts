/**
 * Bundles the Node side: the Electron main process and preload (CommonJS, dist-electron/) and the
 * browser host (ESM, dist/host/), so the app starts on plain Node without compiling TypeScript at
 * launch. In the Electron main process dependencies stay external (node_modules inside the app).
 * The browser host bundles its plain-JavaScript dependencies too (zod, yaml, pino...): one file
 * read and compiled instead of hundreds of modules resolved one by one, which was most of its
 * start-up. Native modules, and the few loaded on demand, load from node_modules. The preload is
 * self-contained because a sandboxed preload can require nothing but 'electron'.
 * `--host-only` builds just the browser host.
 */
import { build } from 'vite';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
const builtins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const optional = Object.keys(pkg.optionalDependencies ?? {});
const external = [...builtins, ...Object.keys(pkg.dependencies), ...optional];
/**
 * What the bundled host still loads from node_modules: native addons, and pinyin-pro (required
 * on first use). ws probes its optional native helpers with require() in try/catch: left external,
 * those calls fail in the bundle and ws uses its JavaScript versions, as when they are not installed.
 */
const hostExternal = [...builtins, 'better-sqlite3', 'node-hid', 'serialport', 'pinyin-pro', 'bufferutil', 'utf-8-validate', ...optional];
const isExternal = (list: readonly string[]) => (id: string) => list.some((dep) => id === dep || id.startsWith(`${dep}/`));

const targets = [
  { entry: 'electron/browser-host/main.ts', outDir: 'dist/host', file: 'browser-host.mjs', format: 'es', bundleDeps: true, external: isExternal(hostExternal) },
  { entry: 'electron/main.ts', outDir: 'dist-electron', file: 'main.cjs', format: 'cjs', bundleDeps: false, external: isExternal(external) },
  { entry: 'electron/preload.ts', outDir: 'dist-electron', file: 'preload.cjs', format: 'cjs', bundleDeps: false, external: isExternal(['electron']) },
] as const;

for (const target of process.argv.includes('--host-only') ? targets.slice(0, 1) : targets) {
  await build({
    configFile: false,
    logLevel: 'warn',
    // The host bundles whatever is not external, resolved as on Node ('node'/'import' conditions).
    ...(target.bundleDeps ? { ssr: { noExternal: true, target: 'node' as const } } : {}),
    build: {
      ssr: target.entry,
      outDir: target.outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: {
        external: target.external,
        // zod's sources carry /* @__PURE__ */ notes Rollup cannot place; harmless, and not ours to fix.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
          warn(warning);
        },
        output: { format: target.format, entryFileNames: target.file, ...(target.bundleDeps ? { inlineDynamicImports: true } : {}) },
      },
    },
  });
}
console.log('built: dist/host/browser-host.mjs' + (process.argv.includes('--host-only') ? '' : ', dist-electron/main.cjs, dist-electron/preload.cjs'));
