import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Fast tests: the pure core, the sandbox API over loopback, DOM readers on happy-dom.
export default defineConfig({
  plugins: [WxtVitest(), svelte()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/sandbox/**/*.test.ts', 'test/dom/**/*.test.ts'],
    environment: 'node',
  },
});
