#!/usr/bin/env node
// The `myshop` command that the install links (`npx myshop …` in the checkout): the CLI on Bun, found or installed
// as `npm start` does, with nothing of its own on stdout so `--json` stays one document.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { envWith, findBun, root } from '../../scripts/find-bun.mjs'

const bun = findBun()
const child = spawn(bun, [join(root, 'cli', 'src', 'index.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: envWith(bun),
})
// Ctrl-C at a terminal reaches the CLI too (one process group), which stops cleanly and reports: this process
// waits for that instead of dying first. Passing SIGINT on would count as a second Ctrl-C, which kills.
process.on('SIGINT', () => {})
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => {
  if (!signal) process.exit(code ?? 1)
  // Ended by a signal: end the same way, so the shell sees what the CLI's own exit would have shown.
  process.removeAllListeners(signal)
  process.kill(process.pid, signal)
})
