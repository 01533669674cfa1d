// Runs a query job: translate the whole BigQuery script, then execute it statement by
// statement in DuckDB with BigQuery's checks around each one (dataset location,
// require_partition_filter), apply DDL metadata, and trace every statement and table
// modification. Modifications inside BEGIN…COMMIT count only once committed.

import { fieldForDuck } from './bq-types.js'
import type { Catalog } from './catalog.js'
import { quoteLiteral, type ResultSet } from './database.js'
import { invalidQuery, notFound, toBigQueryError } from './errors.js'
import { DML_KINDS, type StatementAnalysis } from './analyze.js'
import { ParameterBinder, type QueryParameter } from './sql-params.js'
import type { TableName } from './sql-names.js'
import { applyEffects } from './catalog-effects.js'
import { translateScript, type TranslatedStatement } from './translate.js'
import type { FieldSchema, StatementInfo, StatementKind, TableModification } from './types.js'

export interface QueryRequest {
  jobId: string
  query: string
  parameters?: QueryParameter[]
  defaultDataset?: string
  location?: string
  dryRun?: boolean
}

export interface QueryTrace {
  statements: StatementInfo[]
  modifications: TableModification[]
}

export interface QueryOutcome {
  statementType: StatementKind | 'SCRIPT'
  location: string
  /** Rows of the last statement, when it was a SELECT. */
  result?: { fields: FieldSchema[]; rows: ResultSet['rows'] }
  numDmlAffectedRows?: number
}

export async function runQuery(catalog: Catalog, request: QueryRequest, trace: QueryTrace) {
  const ctx = { projectId: catalog.projectId, defaultDataset: request.defaultDataset }
  const binder = new ParameterBinder(request.parameters)
  const statements = translateScript(request.query, { ...ctx, binder })
  const location = await jobLocation(catalog, statements, request.location)
  const statementType = statements.length > 1 ? 'SCRIPT' : statements[0]!.analysis.kind
  if (request.dryRun) return { statementType, location } satisfies QueryOutcome
  const runner = new ScriptRunner(catalog, request.jobId, location, trace)
  if (request.defaultDataset) {
    await catalog.db.run(`SET search_path = ${quoteLiteral(request.defaultDataset)}`)
  }
  try {
    const last = await runner.runAll(statements)
    return { statementType, location, ...last } satisfies QueryOutcome
  } finally {
    if (request.defaultDataset) await catalog.db.run('RESET search_path')
  }
}

async function jobLocation(catalog: Catalog, statements: TranslatedStatement[], asked?: string) {
  if (asked) return asked
  const dataset = statements.flatMap((s) => s.analysis.tables)[0]?.split('.')[0]
  const ids = await catalog.datasetIds()
  if (dataset && ids.includes(dataset)) return (await catalog.getDataset(dataset)).location
  return catalog.defaultLocation
}

class ScriptRunner {
  private pending: TableModification[] | undefined // inside BEGIN TRANSACTION

  constructor(
    private readonly catalog: Catalog,
    private readonly jobId: string,
    private readonly location: string,
    private readonly trace: QueryTrace,
  ) {}

  async runAll(statements: TranslatedStatement[]) {
    let last: Omit<QueryOutcome, 'statementType' | 'location'> = {}
    try {
      for (const statement of statements) last = await this.runOne(statement)
      if (this.pending) throw invalidQuery('Transaction is still open at the end of the script')
      return last
    } catch (error) {
      if (this.pending) await this.catalog.db.run('ROLLBACK').catch(() => undefined)
      throw toBigQueryError(error)
    }
  }

  private async runOne(statement: TranslatedStatement) {
    const { analysis } = statement
    if (this.pending && /^(CREATE|DROP|ALTER|TRUNCATE)/.test(analysis.kind)) {
      throw invalidQuery(`${analysis.kind} is not supported inside a multi-statement transaction`)
    }
    await this.checkTables(analysis)
    const existed = await this.existedBefore(statement)
    const result = statement.duckdbSql ? await this.catalog.db.read(statement.duckdbSql) : undefined
    await applyEffects(this.catalog, statement.effects, existed, this.location)
    this.afterStatement(statement, result)
    if (analysis.kind === 'SELECT' && result) return { result: toResult(result) }
    return DML_KINDS.has(analysis.kind) ? { numDmlAffectedRows: result?.rowsChanged ?? 0 } : {}
  }

  private afterStatement(statement: TranslatedStatement, result: ResultSet | undefined): void {
    const { analysis } = statement
    const isDml = DML_KINDS.has(analysis.kind)
    const target = analysis.target ? parseKey(analysis.target) : undefined
    this.trace.statements.push({
      kind: analysis.kind,
      sql: statement.bigquerySql,
      tables: analysis.tables,
      ...(analysis.target ? { target: analysis.target } : {}),
      ...(isDml ? { affectedRows: result?.rowsChanged ?? 0 } : {}),
      ...(isDml && target ? this.partitionFilter(target, analysis) : {}),
    })
    if (analysis.kind === 'DROP_TABLE' || analysis.kind === 'DROP_VIEW') {
      if (target) this.catalog.forgetTable(target)
    }
    if (isDml && target) this.modify(target, analysis.kind)
    this.trackTransaction(analysis.kind)
  }

  private modify(target: TableName, statement: StatementKind): void {
    this.catalog.touchTable(target)
    const modification = {
      table: `${target.dataset}.${target.table}`,
      kind: 'dml' as const,
      jobId: this.jobId,
      statement,
    }
    ;(this.pending ?? this.trace.modifications).push(modification)
  }

  private trackTransaction(kind: StatementKind): void {
    if (kind === 'BEGIN_TRANSACTION') this.pending = []
    if (kind === 'COMMIT_TRANSACTION') this.trace.modifications.push(...(this.pending ?? []))
    if (kind === 'COMMIT_TRANSACTION' || kind === 'ROLLBACK_TRANSACTION') this.pending = undefined
  }

  private partitionFilter(target: TableName, analysis: StatementAnalysis) {
    const partitioning = this.catalog.tableMeta(target).options.timePartitioning
    if (!partitioning) return {}
    const columns = partitioning.field ? [partitioning.field] : ['_partitiontime', '_partitiondate']
    return { filtersPartition: columns.some((c) => analysis.filterColumns.has(c.toLowerCase())) }
  }

  /** Datasets exist in the job's location; tables that require a partition filter get one. */
  private async checkTables(analysis: StatementAnalysis): Promise<void> {
    for (const key of analysis.tables) {
      const name = parseKey(key)
      const ids = await this.catalog.datasetIds()
      const dataset = ids.includes(name.dataset)
        ? await this.catalog.getDataset(name.dataset)
        : undefined
      if (!dataset || dataset.location.toLowerCase() !== this.location.toLowerCase()) {
        throw notFound(
          `Dataset ${this.catalog.projectId}:${name.dataset} was not found in location ${this.location}`,
        )
      }
      if (needsPartitionFilter(analysis, key)) await this.checkPartitionFilter(name, analysis)
    }
  }

  private async checkPartitionFilter(name: TableName, analysis: StatementAnalysis) {
    if (!(await this.catalog.tableType(name))) return
    const options = this.catalog.tableMeta(name).options
    const field = options.timePartitioning?.field
    if (
      !options.requirePartitionFilter ||
      !field ||
      analysis.filterColumns.has(field.toLowerCase())
    )
      return
    throw invalidQuery(
      `Cannot query over table '${name.dataset}.${name.table}' without a filter over column(s) ` +
        `'${field}' that can be used for partition elimination`,
    )
  }

  private async existedBefore(statement: TranslatedStatement) {
    const ids = await this.catalog.datasetIds()
    const tables = new Set<string>()
    for (const effect of statement.effects) {
      if (effect.kind !== 'table' || !ids.includes(effect.table.dataset)) continue
      if (await this.catalog.tableType(effect.table))
        tables.add(`${effect.table.dataset}.${effect.table.table}`)
    }
    return { datasets: new Set(ids), tables }
  }
}

/** Reading statements over a table: SELECT, and DML other than a plain INSERT's target. */
function needsPartitionFilter(analysis: StatementAnalysis, key: string): boolean {
  const reads = ['SELECT', 'CREATE_TABLE_AS_SELECT', ...DML_KINDS].includes(analysis.kind)
  return reads && !(analysis.kind === 'INSERT' && key === analysis.target)
}

function toResult(result: ResultSet) {
  const fields = result.columns.map((c) => fieldForDuck(c.name, c.duckType, c.alias))
  return { fields, rows: result.rows }
}

export function parseKey(key: string): TableName {
  const dot = key.indexOf('.')
  return { dataset: key.slice(0, dot), table: key.slice(dot + 1) }
}
