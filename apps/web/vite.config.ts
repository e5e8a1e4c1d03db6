import { defineConfig } from 'vite';

// Built into apps/web/dist and served by the API at / (apps/api/src/live/web-app.static.ts).
// Nothing is fetched at run time: every asset, chart library included, is bundled.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev:web` next to a running API (PORT=3000).
    proxy: { '/api': 'http://127.0.0.1:3000', '/dev': 'http://127.0.0.1:3000' },
  },
});
