// Finds Bun for a machine that has only Node.js and npm: on PATH, in BUN_INSTALL_BIN, or the pinned version that
// is installed into .myshop/tools the first time. Shared by scripts/bootstrap.mjs and the `myshop` command.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The root of the MyShop checkout. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

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

/** The Bun to run, installing the pinned one when there is none. Everything it prints goes to stderr. */
export const findBun = () => {
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
    // npm's progress goes to stderr too: stdout belongs to the command's own output (`--json`).
    { stdio: ['inherit', process.stderr, 'inherit'] },
  )
  if (r.status !== 0 || !works(localBun)) {
    console.error('Could not install Bun with npm. Install it yourself (https://bun.sh) and run this again.')
    process.exit(1)
  }
  return localBun
}

/** The environment with `bun`'s folder on PATH, so whatever Bun spawns finds the same Bun. */
export const envWith = (bun) =>
  bun === 'bun'
    ? process.env
    : { ...process.env, PATH: `${dirname(bun)}${delimiter}${process.env.PATH ?? ''}` }
