import { defineConfig } from 'vitest/config'

// Tests run real DuckDB and real loopback HTTP servers; files run in parallel forks,
// so every test must use its own temp dir and an ephemeral port.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
