import { afterAll } from 'bun:test'
import { closeAll } from './teardown.ts'

// Loaded before every test file (bunfig.toml): tests run quietly unless LOG_LEVEL asks otherwise.
process.env.LOG_LEVEL ??= 'silent'

// The per-test timeout (30 s) comes from the test command (`npm test`, `bun run test`: scripts/bootstrap.mjs):
// setDefaultTimeout here would reach only the first file of a run.

// `bun test` emits no beforeExit, so the database the files of this run shared is dropped after its last test.
afterAll(() => closeAll())
