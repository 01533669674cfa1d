// A small offline stand-in for `terraform validate`: every var./local./module./data. and
// resource reference in a module's expressions must name something that module declares, and
// every module call must pass declared variables (and all required ones). Catches the typos a
// plan would catch, without provider schemas.

import { resolve } from 'node:path'
import { TERRAFORM_ROOT, allResources, stringsIn } from './terraform.js'
import type { Block, TfModule } from './terraform.js'

const META_ARGUMENTS = new Set([
  'source',
  'version',
  'providers',
  'depends_on',
  'count',
  'for_each',
])

/** Expressions of a module: only strings holding an interpolation can reference anything. */
function expressions(mod: TfModule): string[] {
  const values = [
    ...allResources(mod).map(([, , block]) => block),
    ...Object.values(mod.data).flatMap((named) => Object.values(named)),
    ...Object.values(mod.variables),
    ...Object.values(mod.outputs),
    ...Object.values(mod.modules),
    ...Object.values(mod.providers),
    mod.locals,
  ]
  return stringsIn(values).filter((text) => text.includes('${'))
}

function matches(texts: string[], pattern: RegExp): string[][] {
  return texts.flatMap((text) => [...text.matchAll(pattern)].map((m) => m.slice(1)))
}

/** References in `mod` that name nothing it declares, as readable strings. */
export function unresolvedReferences(mod: TfModule): string[] {
  const texts = expressions(mod)
  const missing: string[] = []
  const check = (ok: boolean, ref: string) => ok || missing.push(ref)
  for (const [name] of matches(texts, /\bvar\.([A-Za-z_][\w-]*)/g)) {
    check(name! in mod.variables, `var.${name}`)
  }
  for (const [name] of matches(texts, /\blocal\.([A-Za-z_][\w-]*)/g)) {
    check(name! in mod.locals, `local.${name}`)
  }
  for (const [name] of matches(texts, /\bmodule\.([A-Za-z_][\w-]*)/g)) {
    check(name! in mod.modules, `module.${name}`)
  }
  for (const [type, name] of matches(texts, /\bdata\.([a-z][\w]*)\.([A-Za-z_][\w-]*)/g)) {
    check(mod.data[type!]?.[name!] !== undefined, `data.${type}.${name}`)
  }
  for (const [type, name] of matches(texts, /(?<![\w.])(google_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g)) {
    check(mod.resources[type!]?.[name!] !== undefined, `${type}.${name}`)
  }
  return [...new Set(missing)]
}

/** Problems with `module "x" {}` calls in `mod`: unknown args, missing required vars/outputs. */
export function moduleCallProblems(mod: TfModule, all: Map<string, TfModule>): string[] {
  const problems: string[] = []
  for (const [callName, call] of Object.entries(mod.modules)) {
    const target = calledModule(mod, call, all)
    if (!target) {
      problems.push(`module.${callName}: source ${String(call.source)} not found`)
      continue
    }
    const args = Object.keys(call).filter((key) => !META_ARGUMENTS.has(key))
    for (const arg of args) {
      if (!(arg in target.variables)) problems.push(`module.${callName}: unknown argument ${arg}`)
    }
    for (const [name, variable] of Object.entries(target.variables)) {
      const required = !('default' in variable)
      if (required && !args.includes(name)) problems.push(`module.${callName}: missing ${name}`)
    }
    const outputs = matches(expressions(mod), new RegExp(`\\bmodule\\.${callName}\\.(\\w+)`, 'g'))
    for (const [output] of outputs) {
      if (!(output! in target.outputs)) problems.push(`module.${callName}.${output} is no output`)
    }
  }
  return problems
}

function calledModule(mod: TfModule, call: Block, all: Map<string, TfModule>) {
  const source = String(call.source)
  const dir = resolve(TERRAFORM_ROOT, mod.dir, source)
  const key = dir.slice(TERRAFORM_ROOT.length + 1)
  return all.get(key)
}
