import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One multi-page build: each screen is its own folder with an index.html.
// PAGES=kiosk,ticket and PAGES_OUT=dist/pages-kiosk build a subset elsewhere (parallel work on one machine).
const ALL_PAGES = ['booking', 'kiosk', 'display', 'counter', 'admin', 'ticket', 'assist'];
const PAGES = process.env.PAGES ? process.env.PAGES.split(',') : ALL_PAGES;

export default defineConfig({
  root: '.',
  base: '/',
  publicDir: false,
  build: {
    outDir: process.env.PAGES_OUT || 'dist/pages',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: Object.fromEntries(
        PAGES.filter((p) => existsSync(resolve(p, 'index.html'))).map((p) => [p, resolve(p, 'index.html')]),
      ),
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } } },
});
