/**
 * Prints what the booking flow loads, gzipped: the JS and CSS its page references, followed
 * through every static and dynamic import (the QR chunk too). Run after a build:
 *   tsx scripts/page-size.ts [pagesDir]   (default: $PAGES_OUT or dist/pages)
 * Exits 1 when the total is over the budget (100 kB gzipped), so a build that grows past it fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 100_000;

/** Asset references in HTML, CSS or JS: "/assets/x.js", "./x.js", `./x.css` (Vite's dynamic imports use template strings). */
const REF = /["'`(]((?:\/|\.\/|\.\.\/)?(?:assets\/)?[\w.-]+\.(?:js|css))["'`)]/g;

export const flowFiles = (pagesDir: string, page = 'booking'): string[] => {
  const html = join(pagesDir, page, 'index.html');
  if (!existsSync(html)) throw new Error(`${html} not found: build the pages first (npm run build)`);
  const seen = new Set<string>();
  const visit = (file: string): void => {
    for (const match of readFileSync(file, 'utf8').matchAll(REF)) {
      const ref = match[1]!;
      const target = ref.startsWith('/') ? join(pagesDir, ref) : resolve(dirname(file), ref);
      if (!target.startsWith(resolve(pagesDir)) || seen.has(target) || !existsSync(target)) continue;
      seen.add(target);
      visit(target);
    }
  };
  visit(html);
  return [...seen].sort();
};

export const gzipSize = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

const main = (): void => {
  const pagesDir = resolve(process.argv[2] ?? process.env.PAGES_OUT ?? 'dist/pages');
  if (!existsSync(join(pagesDir, 'booking', 'index.html'))) {
    // A partial build (PAGES=kiosk,…) has no booking page: nothing to measure, nothing to fail.
    process.stdout.write(`booking flow: not in this build (${relative(process.cwd(), pagesDir) || '.'}), size not measured\n`);
    return;
  }
  const files = flowFiles(pagesDir);
  const rows = files.map((f) => ({ file: relative(pagesDir, f), raw: readFileSync(f).length, gzip: gzipSize(f) }));
  const total = rows.reduce((n, r) => n + r.gzip, 0);
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  for (const r of rows) process.stdout.write(`  ${r.file.padEnd(40)} ${kb(r.raw).padStart(9)}  gzip ${kb(r.gzip).padStart(8)}\n`);
  const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
  process.stdout.write(`booking flow JS+CSS: ${kb(total)} gzipped (${verdict} the ${kb(BUDGET_BYTES)} budget)\n`);
  if (total > BUDGET_BYTES) process.exitCode = 1;
};

if (import.meta.url === `file://${process.argv[1]}`) main();
