// Temp directories that tests create and remove (afterEach), so files never collide across
// parallel test files.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function createTmpDirs() {
  const dirs: string[] = []
  return {
    make(prefix = 'ai-usage-'): string {
      const dir = mkdtempSync(join(tmpdir(), prefix))
      dirs.push(dir)
      return dir
    },
    cleanup(): void {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
    },
  }
}
