import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from './connect.ts'

export interface Migration {
  version: number
  name: string
  sql: string
  checksum: string
}

export interface MigrateResult {
  schema: string
  applied: string[]
  current: number
}

const fileName = /^(\d{4})_([a-z0-9_]+)\.sql$/

/** Reads `NNNN_name.sql` files from a directory in version order; rejects gaps and duplicates. */
export const readMigrations = (dir: string): Migration[] => {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = fileName.exec(f)
      if (!m) throw new Error(`migration file ${f} in ${dir} is not named NNNN_name.sql`)
      const sql = readFileSync(join(dir, f), 'utf8')
      return {
        version: Number(m[1]),
        name: m[2]!,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      }
    })
    .sort((a, b) => a.version - b.version)
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migrations in ${dir} must be numbered 0001, 0002, … without gaps`)
  })
  return migrations
}

/**
 * Applies a service's forward-only migrations into its own schema, each in its own transaction,
 * under an advisory lock so concurrent boots of the same service apply each file once.
 * An applied file whose content has changed is refused: history is never rewritten.
 */
export const migrate = async (sql: Db, schema: string, dir: string): Promise<MigrateResult> => {
  const migrations = readMigrations(dir)
  const applied: string[] = []
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`myshop.migrate.${schema}`}))`
    await tx.unsafe(`create schema if not exists "${schema}"`)
    await tx.unsafe(`create table if not exists "${schema}".schema_migrations (
      version int primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`)
    const done = await tx.unsafe<{ version: number; name: string; checksum: string }[]>(
      `select version, name, checksum from "${schema}".schema_migrations order by version`,
    )
    for (const row of done) {
      const file = migrations.find((m) => m.version === row.version)
      if (!file)
        throw new Error(`${schema}: applied migration ${row.version}_${row.name} is missing from ${dir}`)
      if (file.checksum !== row.checksum)
        throw new Error(`${schema}: migration ${row.version}_${row.name} was edited after it was applied`)
    }
    const doneVersions = new Set(done.map((r) => r.version))
    for (const m of migrations) {
      if (doneVersions.has(m.version)) continue
      await tx.savepoint(async (sp) => {
        await sp.unsafe(m.sql)
        await sp.unsafe(
          `insert into "${schema}".schema_migrations (version, name, checksum) values ($1, $2, $3)`,
          [m.version, m.name, m.checksum],
        )
      })
      applied.push(`${String(m.version).padStart(4, '0')}_${m.name}`)
    }
  })
  return { schema, applied, current: migrations.at(-1)?.version ?? 0 }
}
