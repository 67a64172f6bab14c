import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The staff console. `--mode dev-sign-in` (the local build `npm start` serves) includes the development sign-in page;
 * `--mode aws` (what the county's stack deploys) leaves its code out entirely.
 */
export default defineConfig(({ mode }) => ({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  // Fails closed: only the build `npm start` makes has the development sign-in.
  define: { __LOCAL_SIGN_IN__: JSON.stringify(mode === 'dev-sign-in') },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Which chunks each page loads: scripts/console-size.ts measures a page's first screen from it.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // One long-lived chunk for React, so a new release of a page reloads only that page.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }] },
      },
    },
  },
  server: { proxy: { '^/(?!console/)': 'http://127.0.0.1:3000' } },
}));
