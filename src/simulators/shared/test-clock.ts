// A movable clock for the simulators' own tests: late data, link expiry and rate-limit windows
// are tested by moving time, never by sleeping. Accepts ISO text or epoch ms, as tests hold both.

export interface TestClock {
  now: () => Date
  set(at: string | number): void
  advance(ms: number): void
}

export function createTestClock(start: string | number): TestClock {
  const toMs = (at: string | number) => (typeof at === 'number' ? at : Date.parse(at))
  let ms = toMs(start)
  return {
    now: () => new Date(ms),
    set: (at) => void (ms = toMs(at)),
    advance: (delta) => void (ms += delta),
  }
}
