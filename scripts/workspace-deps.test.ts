import { describe, expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  checkWorkspace,
  type DependencyProblem,
  isDevelopmentFile,
  packageOf,
  readWorkspaces,
  specifiersOf,
} from './workspace-deps.ts'

const root = join(import.meta.dir, '..')
const show = (problems: DependencyProblem[]) =>
  problems.map((p) => `${p.workspace}: ${p.kind} ${p.package}${p.file ? ` (${p.file})` : ''}`)

describe('the workspaces', () => {
  const workspaces = readWorkspaces(root)

  test('are found from the root package.json', () => {
    const names = workspaces.map((w) => w.name)
    for (const name of ['@myshop/http', '@myshop/user-service', '@myshop/edge-gateway', '@myshop/cli'])
      expect(names).toContain(name)
  })

  test('declare every package their code imports, shipped code in dependencies', () => {
    const problems = workspaces.flatMap((w) => checkWorkspace(root, w)).filter((p) => p.kind !== 'unused')
    expect(show(problems)).toEqual([])
  })

  test('declare no @myshop package they do not import', () => {
    const problems = workspaces.flatMap((w) => checkWorkspace(root, w)).filter((p) => p.kind === 'unused')
    expect(show(problems)).toEqual([])
  })
})

describe('specifiersOf', () => {
  test('counts static, type-only, dynamic and re-exported imports and resolve calls', () => {
    const source = [
      "import { a } from 'alpha'",
      "import type { B } from 'beta/sub'",
      "export * from '@scope/gamma/deep'",
      "const d = await import('delta')",
      "type E = typeof import('epsilon')",
      "const dir = createRequire(import.meta.url).resolve('zeta/package.json')",
    ].join('\n')
    expect(specifiersOf(source)).toEqual([
      'alpha',
      'beta/sub',
      '@scope/gamma/deep',
      'delta',
      'epsilon',
      'zeta/package.json',
    ])
  })

  test('ignores imports that are only text: comments and template strings', () => {
    const source = ["// import x from 'commented'", "const code = `\nimport y from 'written'\n`"].join('\n')
    expect(specifiersOf(source)).toEqual([])
  })
})

describe('packageOf', () => {
  test('names the package without its subpath', () => {
    expect(packageOf('elysia')).toBe('elysia')
    expect(packageOf('@myshop/api-reference/package-files')).toBe('@myshop/api-reference')
    expect(packageOf('swagger-ui-dist/package.json')).toBe('swagger-ui-dist')
  })

  test('leaves out relative paths, runtime builtins and other schemes', () => {
    for (const specifier of [
      './app.ts',
      '../src/index.ts',
      'node:fs',
      'fs',
      'bun',
      'bun:test',
      'cloudflare:workers',
    ])
      expect(packageOf(specifier)).toBeNull()
  })
})

describe('isDevelopmentFile', () => {
  test('is true for tests and scripts, false for shipped code', () => {
    expect(isDevelopmentFile('test/app.test.ts')).toBe(true)
    expect(isDevelopmentFile('src/readiness.test.ts')).toBe(true)
    expect(isDevelopmentFile('test/fuzz/catalog.ts')).toBe(true)
    expect(isDevelopmentFile('scripts/generate-client.ts')).toBe(true)
    expect(isDevelopmentFile('src/app.ts')).toBe(false)
    expect(isDevelopmentFile('src/testing.ts')).toBe(false)
  })
})

describe('checkWorkspace', () => {
  test('reports undeclared imports, devDependencies in shipped code and unused @myshop packages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'myshop-deps-'))
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), text)
      }
      write('pkg/src/index.ts', "import { a } from 'declared'\nimport type { B } from 'missing'\n")
      write('pkg/src/tool.ts', "import { c } from 'dev-tool'\nimport { d } from '@myshop/pkg/sub'\n")
      write('pkg/test/index.test.ts', "import { c } from 'dev-tool'\nimport { e } from 'test-missing'\n")
      write('pkg/node_modules/x/index.ts', "import 'not-counted'\n")
      const problems = checkWorkspace(dir, {
        name: '@myshop/pkg',
        dir: 'pkg',
        dependencies: new Set(['declared', '@myshop/unused']),
        devDependencies: new Set(['dev-tool']),
      })
      expect(show(problems)).toEqual([
        '@myshop/pkg: undeclared missing (pkg/src/index.ts)',
        '@myshop/pkg: dev-only dev-tool (pkg/src/tool.ts)',
        '@myshop/pkg: undeclared test-missing (pkg/test/index.test.ts)',
        '@myshop/pkg: unused @myshop/unused',
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
