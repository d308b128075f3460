import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only the sources: tsc also writes compiled copies of the tests under dist/.
    include: ['test/**/*.test.ts'],
    // Many tests spawn the CLI; on a shared 2-core machine one spawn can take seconds. A hang still
    // fails (the fuzz and FIFO tests have their own watchdogs); a slow machine does not.
    testTimeout: 30_000,
  },
});
