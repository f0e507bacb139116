import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // jieba loads its dictionary lazily (5–8 s, measured 2026-11-28); real servers and a real browser run here.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
