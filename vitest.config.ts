import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Chromium-driven tests and the load-style tests need the CPU to themselves on a 2-core machine.
    sequence: { concurrent: false },
  },
});
