// The project's own Vite config: vitest settings for shale's test suite.
import { defineConfig } from 'vite';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds run shiki and Vite: seconds, not milliseconds, on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
