/**
 * Builds the pages only when they are missing or older than their sources, so that a restart
 * on the same machine answers within a couple of seconds instead of rebuilding every page.
 * The stamp file is written after a successful build; any source newer than it means rebuild.
 * Plain JavaScript run by node itself: starting a TypeScript loader for it cost a second of every restart.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PAGES_DIR = process.env.PAGES_OUT || 'dist/pages';
const STAMP = join(PAGES_DIR, '.build-stamp');
const SOURCES = ['booking', 'kiosk', 'display', 'counter', 'admin', 'ticket', 'assist', 'shared', 'vite.config.ts', 'package-lock.json', 'scripts/page-size.ts'];

/** @param {string} path @returns {number} */
const newestMtime = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
};

const stale = !existsSync(STAMP) || SOURCES.some((source) => newestMtime(source) > statSync(STAMP).mtimeMs);
if (stale) {
  execSync('npm run build', { stdio: 'inherit' });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
} else {
  process.stdout.write(`Pages are up to date in ${PAGES_DIR} (delete it or change a page to rebuild).\n`);
}
