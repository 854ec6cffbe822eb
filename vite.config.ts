// The project's own Vite config: `npx vite` serves ./source with live reload and `npx vite build`
// builds it, through shale's Vite plugin (the same one users import from 'shale/vite'); the
// `test` block holds vitest's settings for shale's test suite (the plugin stays off under vitest).
import { defineConfig } from 'vitest/config';
import { shale } from './src/vite/shale.ts';

export default defineConfig({
  plugins: [shale()],
  test: {
    include: ['test/**/*.test.ts'],
    // Finds (or, as root with apt-get, installs) Chromium once for the browser tests.
    globalSetup: ['test/e2e/global-setup.ts'],
    // Builds run shiki and Vite: seconds, not milliseconds, on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
