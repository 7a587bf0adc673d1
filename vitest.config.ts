import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    disableConsoleIntercept: true,
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Most tests wait on spawned CLI processes and emulator I/O, not on the CPU: three files at a time keep a
    // 2-core machine busy (the default, one fewer than the cores, runs them one by one there).
    maxWorkers: 3,
  },
})
