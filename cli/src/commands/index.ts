import type { RegisterCommand } from '../command.ts'
import { registerAuth } from './auth.tsx'
import { registerHealth } from './health.tsx'
import { registerUsers } from './users.tsx'

/** Every command group of the CLI; adding one is adding its register function here. */
export const commands: RegisterCommand[] = [registerAuth, registerUsers, registerHealth]
