// The project's own Vite config: vitest settings for shale's test suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Finds (or, as root with apt-get, installs) Chromium once for the browser tests.
    globalSetup: ['test/e2e/global-setup.ts'],
    // Builds run shiki and Vite: seconds, not milliseconds, on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
