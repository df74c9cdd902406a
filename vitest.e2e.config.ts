import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with the built extension: one browser at a time on 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    setupFiles: ['test/e2e/failed-attempts.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    // One more try for a test that fails: the machines are shared and a real browser on 2 cores now and
    // then stalls. A test that fails twice fails the run; each attempt runs the test's set-up again (a
    // new page, and in most files a new host and browser).
    retry: 1,
    hookTimeout: 60_000,
  },
});
