import type { RegisterCommand } from '../command.ts'
import { registerAudit } from './audit.tsx'
import { registerAuth } from './auth.tsx'
import { registerCatalog } from './catalog.tsx'
import { registerDb } from './db.tsx'
import { registerHealth } from './health.tsx'
import { registerInventory } from './inventory.tsx'
import { registerNotifications } from './notifications.tsx'
import { registerOrders } from './orders.tsx'
import { registerPayments } from './payments.tsx'
import { registerReports } from './reports.tsx'
import { registerSagas } from './sagas.tsx'
import { registerSeed } from './seed.tsx'
import { registerServices } from './services.tsx'
import { registerStart } from './start.tsx'
import { registerUsers } from './users.tsx'

/** Every command group of the CLI; adding one is adding its register function here. */
export const commands: RegisterCommand[] = [
  registerStart,
  registerDb,
  registerAuth,
  registerUsers,
  registerHealth,
  registerCatalog,
  registerSeed,
  registerInventory,
  registerOrders,
  registerPayments,
  registerSagas,
  registerNotifications,
  registerServices,
  registerAudit,
  registerReports,
]
