import postgres from 'postgres'

/** A postgres.js client. */
export type Db = postgres.Sql
/** A postgres.js client inside `sql.begin`. */
export type Tx = postgres.TransactionSql
/** Anything a repository can run a query on: the pool or an open transaction. */
export type Queryable = Db | Tx
/** A piece of SQL built with the tagged template, to be embedded in another statement. */
export type Fragment = postgres.PendingQuery<postgres.Row[]>

export interface ConnectOptions {
  /** Pool size; must be 1 against the embedded PGlite server, which is a single session. */
  max?: number
  /** Name reported in `pg_stat_activity`. */
  applicationName?: string
}

/** Opens a postgres.js pool with MyShop's conventions (undefined → null, camelCase left alone, quiet notices). */
export const connect = (url: string, { max = 10, applicationName = 'myshop' }: ConnectOptions = {}): Db =>
  postgres(url, {
    max,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    transform: { undefined: null },
    connection: { application_name: applicationName },
    types: {
      // int8 as a JS number: counts and money in minor units stay far below 2^53.
      bigint: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
    },
  }) as unknown as Db
