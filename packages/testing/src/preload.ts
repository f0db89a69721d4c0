import { afterAll, setDefaultTimeout } from 'bun:test'
import { closeAll } from './teardown.ts'

// Loaded before every test file (bunfig.toml): tests run quietly unless LOG_LEVEL asks otherwise.
process.env.LOG_LEVEL ??= 'silent'

// Suites boot embedded databases and servers on ports; 5 s (Bun's default) flakes on a busy two-core machine.
setDefaultTimeout(30_000)

// `bun test` emits no beforeExit, so the database the files of this run shared is dropped after its last test.
afterAll(() => closeAll())
