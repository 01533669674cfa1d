import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from './terraform.js'

interface Instruction {
  op: string
  args: string
}

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/)
      return { op: op!.toUpperCase(), args: rest.join(' ') }
    })
}

/** Instructions grouped by stage name (`FROM … AS name`). */
function stages(all: Instruction[]): Map<string, Instruction[]> {
  const byStage = new Map<string, Instruction[]>()
  let current: Instruction[] | undefined
  for (const ins of all) {
    if (ins.op === 'FROM') {
      current = []
      byStage.set(/\bAS\s+(\S+)/i.exec(ins.args)?.[1] ?? `stage${byStage.size}`, current)
    }
    current?.push(ins)
  }
  return byStage
}

const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8')
const all = instructions(dockerfile)
const byStage = stages(all)
const build = byStage.get('build') ?? []
const runtime = byStage.get('runtime') ?? []
const runs = (stage: Instruction[]) => stage.filter((i) => i.op === 'RUN').map((i) => i.args)

describe('Dockerfile', () => {
  it('is multi-stage: a build stage and a runtime stage on the same Node LTS base', () => {
    expect([...byStage.keys()]).toEqual(['build', 'runtime'])
    const froms = all.filter((i) => i.op === 'FROM').map((i) => i.args.split(/\s+/)[0])
    expect(froms).toEqual(['${NODE_IMAGE}', '${NODE_IMAGE}'])
    const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1] ?? ''
    const match = /^node:(\d+)(?:\.\d+){0,2}-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/.exec(base)
    expect(match, `base image ${base}`).not.toBeNull()
    expect(Number(match![1])).toBeGreaterThanOrEqual(20)
  })

  it('installs with npm ci and compiles in the build stage', () => {
    expect(runs(build).some((r) => /\bnpm ci\b/.test(r) && !r.includes('--omit=dev'))).toBe(true)
    expect(runs(build)).toContain('npm run build')
  })

  it('installs production dependencies only in the runtime stage and copies dist + sql', () => {
    expect(runs(runtime).some((r) => r.includes('npm ci --omit=dev'))).toBe(true)
    const copies = runtime.filter((i) => i.op === 'COPY').map((i) => i.args)
    expect(copies).toContain('--from=build /app/dist ./dist')
    expect(copies).toContain('sql ./sql')
    expect(dockerfile).not.toMatch(/npm install/)
  })

  it('runs as a non-root user, set before the entrypoint', () => {
    const users = runtime.filter((i) => i.op === 'USER').map((i) => i.args)
    expect(users.length).toBeGreaterThan(0)
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/)
    const lastUser = runtime.findLastIndex((i) => i.op === 'USER')
    expect(lastUser).toBeLessThan(runtime.findIndex((i) => i.op === 'ENTRYPOINT'))
  })

  it('serves by default: node dist/cli/main.js serve', () => {
    const entry = runtime.find((i) => i.op === 'ENTRYPOINT')!.args
    const cmd = runtime.find((i) => i.op === 'CMD')!.args
    expect([...JSON.parse(entry), ...JSON.parse(cmd)]).toEqual([
      'node',
      'dist/cli/main.js',
      'serve',
    ])
  })

  it('bakes in no secret-looking ENV or ARG and no HEALTHCHECK (Cloud Run probes)', () => {
    const names = all
      .filter((i) => i.op === 'ENV' || i.op === 'ARG')
      .flatMap((i) => [...i.args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]!))
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(name).not.toMatch(/KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL/i)
    expect(all.some((i) => i.op === 'HEALTHCHECK')).toBe(false)
  })
})

describe('.dockerignore', () => {
  const lines = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))

  it('is an allow-list that never re-admits env files, data or node_modules', () => {
    expect(lines[0]).toBe('*')
    const allowed = lines.filter((l) => l.startsWith('!'))
    for (const path of allowed) expect(path).not.toMatch(/\.env|data|node_modules|\.git\b|key/)
  })

  it('admits everything the Dockerfile copies from the build context', () => {
    const sources = all
      .filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1))
    expect(sources).toEqual(expect.arrayContaining(['package-lock.json', 'src', 'sql']))
    for (const source of sources) {
      expect(
        lines.some((l) => l === `!${source}` || l === `!${source}/`),
        source,
      ).toBe(true)
    }
  })
})
