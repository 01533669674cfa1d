// Prints the plain closing line CI reads ("N passed, N failed, N skipped") from Vitest's
// JSON report. Exits 1 when the report is missing or shows no test at all.
import { readFileSync } from 'node:fs'

const file = process.argv[2] ?? '.vitest-report.json'
let report
try {
  report = JSON.parse(readFileSync(file, 'utf8'))
} catch {
  console.log('0 passed, 1 failed')
  console.error(`no test report at ${file}`)
  process.exit(1)
}
const passed = report.numPassedTests ?? 0
const failed =
  (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) * (report.numFailedTests ? 0 : 1)
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(passed === 0 || failed > 0 ? 1 : 0)
