import { join } from 'node:path'
import { migrate } from '@myshop/db'
import { silentLogger } from '@myshop/logger'
import { appCaller, testDatabase, testTokens } from '@myshop/testing'
import { createApp } from '../src/app.ts'
import type { OrderDeps } from '../src/deps.ts'

export const migrationsDir = join(import.meta.dir, '../../../db/migrations/order')

/** An order service app on the test database, with a clock tests can move forward. */
export const orderHarness = async (overrides: Partial<OrderDeps> = {}) => {
  const { sql, kind } = await testDatabase()
  await migrate(sql, 'orders', migrationsDir)
  const tokens = await testTokens()
  let offsetMs = 0
  let eventsWritten = 0
  const deps: OrderDeps = {
    sql,
    now: () => Date.now() + offsetMs,
    logger: silentLogger(),
    verifier: tokens.verifier(async () => true),
    eventsWritten: () => eventsWritten++,
    ...overrides,
  }
  const app = createApp(deps)
  const call = appCaller(app)
  const as = (token: string) => ({ authorization: `Bearer ${token}` })
  const [admin, customer, support] = await Promise.all([
    tokens.sign({ roles: ['admin'], sub: 'usr_admin' }),
    tokens.sign({ roles: ['customer'], sub: 'usr_customer' }),
    tokens.sign({ roles: ['support'], sub: 'usr_support' }),
  ])
  return {
    sql,
    kind,
    deps,
    app,
    call,
    as,
    tokens,
    admin,
    customer,
    support,
    advance: (ms: number) => {
      offsetMs += ms
    },
    eventsWritten: () => eventsWritten,
  }
}
