#!/usr/bin/env node
// Runs a MyShop command on a machine that has only Node.js and npm: finds Bun (or installs the pinned
// version into .myshop/tools), installs the workspace's packages when they are missing, then hands over.
//
//   node scripts/bootstrap.mjs start     boot MyShop (embedded mode unless DATABASE_URL / REDIS_URL are set)
//   node scripts/bootstrap.mjs test      run the whole test suite
//   node scripts/bootstrap.mjs <args>    any other `bun` invocation, e.g. `run lint`
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pinned =
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager?.split('@')[1] ?? 'latest'
const localBun = join(
  root,
  '.myshop',
  'tools',
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'bun.cmd' : 'bun',
)

const works = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0

const findBun = () => {
  if (process.env.BUN_INSTALL_BIN && works(process.env.BUN_INSTALL_BIN)) return process.env.BUN_INSTALL_BIN
  if (works('bun')) return 'bun'
  if (existsSync(localBun) && works(localBun)) return localBun
  console.error(`MyShop needs Bun; installing bun@${pinned} into .myshop/tools …`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const r = spawnSync(
    npm,
    [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      join(root, '.myshop', 'tools'),
      `bun@${pinned}`,
    ],
    {
      stdio: 'inherit',
    },
  )
  if (r.status !== 0 || !works(localBun)) {
    console.error('Could not install Bun with npm. Install it yourself (https://bun.sh) and run this again.')
    process.exit(1)
  }
  return localBun
}

const bun = findBun()
// Whatever the suite or the services spawn finds the same Bun on PATH.
const env =
  bun === 'bun'
    ? process.env
    : { ...process.env, PATH: `${dirname(bun)}${delimiter}${process.env.PATH ?? ''}` }
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
