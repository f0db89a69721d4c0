#!/usr/bin/env node
// Runs a MyShop command on a machine that has only Node.js and npm: finds Bun (or installs the pinned
// version into .myshop/tools), installs the workspace's packages when they are missing, then hands over.
//
//   node scripts/bootstrap.mjs start     boot MyShop (embedded mode unless DATABASE_URL / REDIS_URL are set)
//   node scripts/bootstrap.mjs test      run the whole test suite
//   node scripts/bootstrap.mjs <args>    any other `bun` invocation, e.g. `run lint`
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { envWith, findBun, root } from './find-bun.mjs'

const bun = findBun()
const env = envWith(bun)
const run = (args) => {
  const r = spawnSync(bun, args, { stdio: 'inherit', cwd: root, env })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (
  !existsSync(join(root, 'node_modules', '.bin', 'biome')) ||
  !existsSync(join(root, 'node_modules', 'elysia'))
) {
  run(['install', '--frozen-lockfile'])
}

const [command, ...rest] = process.argv.slice(2)
switch (command) {
  case 'start':
    run(['run', 'cli/src/index.ts', 'start', ...rest])
    break
  case 'test':
    // Suites boot embedded databases and servers on ports: Bun's 5 s per test flakes on a busy two-core machine.
    // Only the command line sets it for every file (setDefaultTimeout reaches one file, bunfig.toml has no such key).
    run(['test', ...(rest.some((a) => a.startsWith('--timeout')) ? [] : ['--timeout', '30000']), ...rest])
    break
  default:
    run([command ?? '--version', ...rest].filter(Boolean))
}
