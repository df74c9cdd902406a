import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with the built extension: one browser at a time on 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
