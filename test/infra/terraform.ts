// Loads every `.tf` file under infra/terraform with @cdktf/hcl2json (Terraform's own HCL parser
// compiled to WASM, runs offline) and merges each directory into one module view. No terraform
// binary or provider schema is needed, so tests assert what the code declares, not what a plan
// would do: expressions stay strings such as "${var.region}".

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from '@cdktf/hcl2json'

export type Block = Record<string, unknown>
type Named = Record<string, Block>

/** One directory of `.tf` files, as Terraform sees it: a module. */
export interface TfModule {
  dir: string
  files: string[]
  text: string
  resources: Record<string, Named>
  data: Record<string, Named>
  variables: Named
  outputs: Named
  modules: Named
  locals: Record<string, unknown>
  terraform: Block[]
  providers: Named
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const TERRAFORM_ROOT = join(REPO_ROOT, 'infra/terraform')

/** Every `.tf` file below `root`, sorted. */
export function findTfFiles(root = TERRAFORM_ROOT): string[] {
  return readdirSync(root)
    .flatMap((name) => {
      const path = join(root, name)
      if (name === '.terraform') return []
      if (statSync(path).isDirectory()) return findTfFiles(path)
      return name.endsWith('.tf') ? [path] : []
    })
    .sort()
}

/** Parses all modules below `root`, keyed by path relative to it ('modules/environment'). */
export async function loadTerraform(root = TERRAFORM_ROOT): Promise<Map<string, TfModule>> {
  const modules = new Map<string, TfModule>()
  for (const file of findTfFiles(root)) {
    const dir = relative(root, dirname(file))
    const text = readFileSync(file, 'utf8')
    const parsed = (await parse(file, text)) as Record<string, unknown>
    const mod = modules.get(dir) ?? emptyModule(dir)
    mergeInto(mod, parsed)
    mod.files.push(file)
    mod.text += `${text}\n`
    modules.set(dir, mod)
  }
  return modules
}

function emptyModule(dir: string): TfModule {
  return {
    dir,
    files: [],
    text: '',
    resources: {},
    data: {},
    variables: {},
    outputs: {},
    modules: {},
    locals: {},
    terraform: [],
    providers: {},
  }
}

function mergeInto(mod: TfModule, parsed: Record<string, unknown>): void {
  mergeTyped(mod.resources, parsed.resource)
  mergeTyped(mod.data, parsed.data)
  mergeNamed(mod.variables, parsed.variable)
  mergeNamed(mod.outputs, parsed.output)
  mergeNamed(mod.modules, parsed.module)
  mergeNamed(mod.providers, parsed.provider)
  for (const block of (parsed.locals as Block[] | undefined) ?? []) Object.assign(mod.locals, block)
  mod.terraform.push(...((parsed.terraform as Block[] | undefined) ?? []))
}

function mergeTyped(target: Record<string, Named>, source: unknown): void {
  for (const [type, named] of Object.entries((source as Record<string, unknown>) ?? {})) {
    target[type] ??= {}
    mergeNamed(target[type], named)
  }
}

function mergeNamed(target: Named, source: unknown): void {
  for (const [name, blocks] of Object.entries((source as Record<string, Block[]>) ?? {})) {
    target[name] = blocks[0]!
  }
}

/** The module at `dir`, or a failed assertion naming what exists. */
export function moduleAt(all: Map<string, TfModule>, dir: string): TfModule {
  const mod = all.get(dir)
  if (!mod) throw new Error(`no Terraform module at ${dir}; have ${[...all.keys()].join(', ')}`)
  return mod
}

/** `resource "type" "name"`, or throws. */
export function resource(mod: TfModule, type: string, name: string): Block {
  const block = mod.resources[type]?.[name]
  if (!block) throw new Error(`${mod.dir}: no resource ${type}.${name}`)
  return block
}

/** The single nested block `key` of `block` (hcl2json wraps nested blocks in arrays). */
export function nested(block: Block, ...path: string[]): Block {
  return path.reduce<Block>((current, key) => {
    const value = current[key]
    if (!Array.isArray(value) || value.length !== 1) {
      throw new Error(`expected exactly one nested block "${key}", got ${JSON.stringify(value)}`)
    }
    return value[0] as Block
  }, block)
}

/** The labelled nested block `key "label" {}` of `block`, e.g. backend "gcs". */
export function labelled(block: Block, key: string, label: string): Block {
  const blocks = (block[key] as Record<string, Block[]> | undefined)?.[label]
  if (blocks?.length !== 1) throw new Error(`expected one block ${key} "${label}"`)
  return blocks[0]!
}

/** Every resource of the module as [type, name, block]. */
export function allResources(mod: TfModule): [string, string, Block][] {
  return Object.entries(mod.resources).flatMap(([type, named]) =>
    Object.entries(named).map(([name, block]): [string, string, Block] => [type, name, block]),
  )
}

/** Every string anywhere inside a value (expressions included). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}
