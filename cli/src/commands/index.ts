import type { RegisterCommand } from '../command.ts'
import { registerAuth } from './auth.tsx'
import { registerDb } from './db.tsx'
import { registerHealth } from './health.tsx'
import { registerStart } from './start.tsx'
import { registerUsers } from './users.tsx'

/** Every command group of the CLI; adding one is adding its register function here. */
export const commands: RegisterCommand[] = [
  registerStart,
  registerDb,
  registerAuth,
  registerUsers,
  registerHealth,
]
