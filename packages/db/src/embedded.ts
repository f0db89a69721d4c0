import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export interface EmbeddedPostgresOptions {
  /** Directory for the data files; omit for an in-memory database. */
  dataDir?: string
  host?: string
  /** 0 picks a free port. */
  port?: number
}

export interface EmbeddedPostgres {
  /** A `postgres://` URL for the server; connect to it with `max: 1`. */
  url: string
  stop(): Promise<void>
}

/**
 * Starts PGlite (Postgres compiled to WASM) behind its wire-protocol socket server, so the same
 * postgres.js code path serves embedded and distributed mode.
 */
export const startEmbeddedPostgres = async ({
  dataDir,
  host = '127.0.0.1',
  port = 0,
}: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create(dataDir ?? 'memory://', { extensions: { pg_trgm, unaccent } })
  const server = new PGLiteSocketServer({ db, host, port })
  await server.start()
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop()
      await db.close()
    },
  }
}
