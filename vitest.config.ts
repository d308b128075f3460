import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Not the compiled copies of the tests that tsc writes under dist/ (a path filter would run them).
    exclude: ['**/node_modules/**', 'dist/**'],
    // Many tests spawn the CLI; on a shared 2-core machine one spawn can take seconds. A hang still
    // fails (the fuzz and FIFO tests have their own watchdogs); a slow machine does not.
    testTimeout: 30_000,
    // fast-check draws from a fixed seed unless a long run asks for a new one (see the file).
    setupFiles: ['test/support/fast-check-seed.ts'],
  },
});
