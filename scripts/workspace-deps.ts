// Which packages each workspace's code imports, against what its package.json declares. A package that works only
// because the hoisted node_modules happens to hold it breaks the day a deployable is installed on its own.
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import ts from 'typescript'

/** A workspace package as its package.json declares it. */
export interface Workspace {
  name: string
  /** Relative to the repository root, e.g. `packages/http`. */
  dir: string
  dependencies: ReadonlySet<string>
  devDependencies: ReadonlySet<string>
}

/** One mismatch between a workspace's imports and its package.json. */
export interface DependencyProblem {
  workspace: string
  package: string
  /**
   * `undeclared`: imported but in neither list; `dev-only`: imported by shipped code but only a devDependency;
   * `unused`: a declared `@myshop/*` package no file imports.
   */
  kind: 'undeclared' | 'dev-only' | 'unused'
  /** The first file that imports it (none for `unused`). */
  file?: string
}

const sourceFile = /\.(?:[cm]?[jt]s|tsx|jsx)$/
const builtins = new Set(builtinModules)
// `createRequire(import.meta.url).resolve('pkg/package.json')` and `import.meta.resolve('pkg')` locate a
// package's files without importing it; they need it installed all the same.
const resolveCall = /(?:\brequire|\bimport\.meta|\))\.resolve\(\s*['"]([^'"]+)['"]/g

/** The workspaces the root package.json lists, read from their package.json files. */
export const readWorkspaces = (root: string): Workspace[] => {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    workspaces?: string[]
  }
  return workspaces
    .flatMap((pattern) => [...new Bun.Glob(`${pattern}/package.json`).scanSync({ cwd: root })])
    .sort()
    .map((file) => {
      const manifest = JSON.parse(readFileSync(join(root, file), 'utf8')) as {
        name: string
        dependencies?: Record<string, string>
        devDependencies?: Record<string, string>
      }
      return {
        name: manifest.name,
        dir: file.slice(0, -'/package.json'.length),
        dependencies: new Set(Object.keys(manifest.dependencies ?? {})),
        devDependencies: new Set(Object.keys(manifest.devDependencies ?? {})),
      }
    })
}

/**
 * The package a module specifier names (`@scope/name` or `name`, without a subpath), or null for relative and
 * absolute paths, runtime builtins (`node:fs`, `bun:test`, `fs`, `bun`) and other schemes (`cloudflare:workers`).
 */
export const packageOf = (specifier: string): string | null => {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null
  if (/^[a-z][a-z0-9+.-]*:/i.test(specifier)) return null
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '')
  if (name === 'bun' || builtins.has(name)) return null
  return name
}

/**
 * Every module specifier a source file names: static and dynamic imports, re-exports, `import type`,
 * `typeof import('…')`, `require` and `resolve` calls. Comments and strings that merely look like imports
 * (code a test writes to a file) are not counted.
 */
export const specifiersOf = (source: string): string[] => {
  const found = ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName)
  for (const match of source.matchAll(resolveCall)) if (match[1]) found.push(match[1])
  return found
}

/** True for code that only tests and tooling run (test folders, `*.test.*`, scripts): it may use devDependencies. */
export const isDevelopmentFile = (path: string): boolean =>
  /(?:^|\/)(?:test|tests|scripts)\//.test(path) || /\.test\.[^/]+$/.test(path)

/** What the workspace's files import that its package.json does not allow, and `@myshop/*` packages it never imports. */
export const checkWorkspace = (root: string, workspace: Workspace): DependencyProblem[] => {
  const problems: DependencyProblem[] = []
  const reported = new Set<string>()
  const used = new Set<string>()
  const files = [...new Bun.Glob('**/*').scanSync({ cwd: join(root, workspace.dir) })]
    .filter((file) => sourceFile.test(file) && !file.split('/').includes('node_modules'))
    .sort()
  for (const file of files) {
    const path = join(workspace.dir, file)
    const development = isDevelopmentFile(file)
    for (const specifier of specifiersOf(readFileSync(join(root, path), 'utf8'))) {
      const name = packageOf(specifier)
      if (name === null || name === workspace.name) continue
      used.add(name)
      const kind = workspace.dependencies.has(name)
        ? null
        : workspace.devDependencies.has(name)
          ? development
            ? null
            : 'dev-only'
          : 'undeclared'
      if (kind === null || reported.has(`${kind} ${name}`)) continue
      reported.add(`${kind} ${name}`)
      problems.push({ workspace: workspace.name, package: name, kind, file: path })
    }
  }
  for (const name of [...workspace.dependencies, ...workspace.devDependencies]) {
    if (name.startsWith('@myshop/') && !used.has(name))
      problems.push({ workspace: workspace.name, package: name, kind: 'unused' })
  }
  return problems
}
