import { postgresCartStore } from '../src/carts/repository.ts'
import { cartStoreContract } from './cart-store.contract.ts'
import { orderHarness } from './harness.ts'

// PostgreSQL: embedded (PGlite) by default, the real server when DATABASE_URL is set.
const { sql } = await orderHarness()
cartStoreContract('PostgreSQL', async (ttlMs) => postgresCartStore(sql, { ttlMs }))
