// Shapes shared by the BigQuery double's modules: the REST resources it keeps (schemas,
// partitioning, clustering) and what it records per request for tests to assert on.
// Field types use the REST API's legacy names (INTEGER, FLOAT, BOOLEAN), as tables.get does.

export interface FieldSchema {
  name: string
  type: string
  mode?: 'NULLABLE' | 'REQUIRED' | 'REPEATED'
  description?: string
  precision?: string
  scale?: string
  fields?: FieldSchema[]
}

export interface TimePartitioning {
  type: 'DAY' | 'HOUR' | 'MONTH' | 'YEAR'
  /** Absent = ingestion-time partitioning (_PARTITIONDATE). */
  field?: string
  /** Milliseconds as a decimal string, as the REST API sends it. */
  expirationMs?: string
}

/** Table properties BigQuery keeps that DuckDB has no notion of. */
export interface TableOptions {
  timePartitioning?: TimePartitioning
  clustering?: { fields: string[] }
  requirePartitionFilter?: boolean
  description?: string
  labels?: Record<string, string>
}

/** BigQuery's `statementType` values for the statements the double understands. */
export type StatementKind =
  | 'SELECT'
  | 'INSERT'
  | 'UPDATE'
  | 'DELETE'
  | 'MERGE'
  | 'TRUNCATE_TABLE'
  | 'CREATE_TABLE'
  | 'CREATE_TABLE_AS_SELECT'
  | 'CREATE_VIEW'
  | 'CREATE_SCHEMA'
  | 'DROP_TABLE'
  | 'DROP_VIEW'
  | 'DROP_SCHEMA'
  | 'ALTER_TABLE'
  | 'ALTER_SCHEMA'
  | 'BEGIN_TRANSACTION'
  | 'COMMIT_TRANSACTION'
  | 'ROLLBACK_TRANSACTION'

/** One statement of a query job, as executed. */
export interface StatementInfo {
  kind: StatementKind
  /** The BigQuery SQL of this statement, as sent. */
  sql: string
  /** 'dataset.table' written by DML/DDL; absent for SELECT and transaction control. */
  target?: string
  /** Every 'dataset.table' the statement names. */
  tables: string[]
  /** For DML on a partitioned target: does a WHERE/ON/WHEN condition name its partition
   *  column? (A syntactic check, not proof of pruning.) Undefined when not applicable. */
  filtersPartition?: boolean
  /** Rows inserted/updated/deleted by DML. */
  affectedRows?: number
}

/** A change to a table's data, the unit BigQuery's per-table daily quota counts. */
export interface TableModification {
  /** 'dataset.table' */
  table: string
  kind: 'load' | 'dml'
  jobId: string
  statement?: StatementKind
}

export interface RecordedRequest {
  method: string
  /** Path as received, e.g. '/bigquery/v2/projects/p/queries'. */
  path: string
  query: Record<string, string>
  /** REST method name, e.g. 'jobs.insert', 'jobs.query', 'tables.get', 'jobs.upload'. */
  api: string
  status: number
  /** JSON body; for uploads `{ metadata, bytes, lines }` instead of the data. */
  body?: unknown
  jobId?: string
  /** `configuration` of jobs.insert/uploads; for jobs.query, the request body. */
  jobConfig?: Record<string, unknown>
  statements: StatementInfo[]
  modifications: TableModification[]
  /** Set when failNext answered this request. */
  injectedFault?: string
}
