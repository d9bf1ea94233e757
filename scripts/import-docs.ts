/**
 * Adds a folder of .txt/.md documents to a site's library:
 *   npm run import-docs -- <folder> [--data-dir D] [--kind policy|law|case] [--site S]
 * Title = front matter `title`, else the first `# ` heading, else the file name.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { DEMO_SITE_FILE, loadSiteFile } from '../kiosk-config/load-site';
import { defaultDataDir } from '../electron/startup';
import { DEFAULT_CONTENT_DIR } from '../electron/core/library/content-pack';
import { importFolder } from '../electron/core/library/library-import';
import { LIBRARY_KINDS, type LibraryKind } from '../electron/core/library/library-types';

function fail(zh: string, en: string): never {
  console.error(`${zh}\n${en}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { 'data-dir': { type: 'string' }, kind: { type: 'string', default: 'policy' }, site: { type: 'string' }, 'content-dir': { type: 'string' } },
  allowPositionals: true,
});

const folder = positionals[0];
if (!folder) fail('用法：npm run import-docs -- <文件夹> [--data-dir 目录] [--kind policy|law|case]', 'usage: npm run import-docs -- <folder> [--data-dir D] [--kind policy|law|case]');
if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`找不到文件夹：${folder}`, `not a folder: ${folder}`);
const kind = values.kind ?? 'policy';
if (!(LIBRARY_KINDS as readonly string[]).includes(kind)) fail(`--kind 应为 ${LIBRARY_KINDS.join(' / ')}，实际为 "${kind}"`, `--kind must be one of ${LIBRARY_KINDS.join(', ')}, found "${kind}"`);

const dataDir = values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir(loadSiteFile(resolve(values.site ?? DEMO_SITE_FILE)));
const report = importFolder({
  folder: resolve(folder),
  dataDir,
  kind: kind as LibraryKind,
  contentDir: values['content-dir'] ? resolve(values['content-dir']) : DEFAULT_CONTENT_DIR,
  log: pino({ level: 'warn' }),
});
for (const doc of report.imported) console.log(`已导入 imported  ${doc.docId}  《${doc.title}》 ${doc.paragraphs} 段/units`);
for (const f of report.failed) console.error(`未导入 failed    ${f.file}: ${f.reason}`);
console.log(`共导入 ${report.imported.length} 篇，失败 ${report.failed.length} 篇 → ${dataDir}\n${report.imported.length} imported, ${report.failed.length} failed -> ${dataDir}`);
process.exit(report.failed.length > 0 ? 1 : 0);
