import { defineConfig } from 'vitest/config';

// Browser journeys: one worker, files in sequence, sharing one Chromium and one OCR server (see tests/e2e/fixtures.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    // Without isolation the worker-scoped harness (browser, servers) is made once for all files.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    reporters: ['verbose'],
  },
});
