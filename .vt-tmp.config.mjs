import { defineConfig } from 'vitest/config';
export default defineConfig({ root: '/work/main', test: { include: ['test/**/*.test.ts'], globalSetup: ['/work/main/test/e2e/global-setup.ts'], testTimeout: 60000, hookTimeout: 60000 } });
