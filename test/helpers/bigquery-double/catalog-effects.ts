// Applies what a DDL statement changed beyond DuckDB's tables once it has run: dataset
// location and description (CREATE SCHEMA … OPTIONS), table partitioning, clustering and
// options (CREATE TABLE / ALTER TABLE SET OPTIONS). A CREATE … IF NOT EXISTS that found the
// object already there changes nothing, as in BigQuery.

import type { Catalog } from './catalog.js'
import type { CatalogEffect } from './translate-ddl.js'

export interface ExistedBefore {
  datasets: Set<string>
  /** 'dataset.table' keys */
  tables: Set<string>
}

export async function applyEffects(
  catalog: Catalog,
  effects: CatalogEffect[],
  existed: ExistedBefore,
  location: string,
): Promise<void> {
  for (const effect of effects) {
    if (effect.kind === 'dataset') {
      if (effect.mode === 'create' && existed.datasets.has(effect.dataset)) continue
      await catalog.getDataset(effect.dataset)
      const asked = effect.options.get('location')
      const description = effect.options.get('description')
      catalog.patchDataset(effect.dataset, {
        ...(effect.mode === 'create'
          ? { location: typeof asked === 'string' ? asked : location }
          : {}),
        ...(typeof description === 'string' ? { description } : {}),
      })
      continue
    }
    const key = `${effect.table.dataset}.${effect.table.table}`
    if (effect.mode === 'create' && existed.tables.has(key)) continue
    if (effect.mode === 'patch') await catalog.requireTable(effect.table)
    catalog.setTableOptions(
      effect.table,
      effect.options,
      effect.mode === 'patch' ? 'patch' : 'replace',
    )
  }
}
