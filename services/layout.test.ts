// The shape every service keeps, checked on all of them: SQL runs only in repository files, and a feature reaches
// another feature through its service, never through its repository.
import { describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'

const root = join(import.meta.dir, '..')

/**
 * Where the user service does not keep the shape yet. Each entry is removed when its file is brought into line;
 * the last test fails while an entry no longer describes the code, so the list only shrinks.
 */
const notYet = {
  sql: [] as string[],
  repositoryImports: [] as string[],
}

/** `repository.ts`, or `<source>-repository.ts` in a feature with more than one data source. */
const isRepository = (path: string) => /(^|-)repository\.tsx?$/.test(basename(path))

/**
 * The lines of `source` that run SQL: a `sql` or `tx` tagged template (typed or not) or an `.unsafe(` call.
 * Comment lines do not count, nor comments after code.
 */
const sqlLines = (source: string): number[] =>
  source.split('\n').flatMap((line, i) => {
    const trimmed = line.trimStart()
    if (trimmed.startsWith('//') || trimmed.startsWith('/*') || trimmed.startsWith('*')) return []
    const code = line.replace(/\s\/\/\s.*$/, '')
    return /\b(?:sql|tx)\s*(?:<[^`]*>)?\s*`|\.unsafe\(/.test(code) ? [i + 1] : []
  })

/** The relative modules `source` imports or re-exports, statically or dynamically. */
const relativeImports = (source: string): string[] =>
  [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  )

/** The feature a file belongs to: its folder under `src`, or null for the service's own files (`app.ts`…). */
const featureOf = (path: string) => {
  const inSrc = path.split('/src/')[1]!.split('/')
  return inSrc.length > 1 ? inSrc[0]! : null
}

/** Every source file of every service, tests beside the code left out, as paths from the repository root. */
const serviceSources = () =>
  [...new Bun.Glob('services/*/src/**/*.{ts,tsx}').scanSync({ cwd: root })]
    .map((path) => path.split(sep).join('/'))
    .filter((path) => !/\.test\.tsx?$/.test(path))
    .sort()

const read = (path: string) => readFileSync(join(root, path), 'utf8')

/** `file:line` of every statement outside a repository file. */
const sqlOutsideRepositories = () =>
  serviceSources()
    .filter((path) => !isRepository(path))
    .flatMap((path) => sqlLines(read(path)).map((line) => ({ path, at: `${path}:${line}` })))

/** `importer -> repository` for every feature importing another feature's repository. */
const repositoryImportsAcrossFeatures = () =>
  serviceSources().flatMap((path) => {
    const feature = featureOf(path)
    if (!feature) return []
    return relativeImports(read(path)).flatMap((specifier) => {
      const target = relative(root, join(root, dirname(path), specifier))
        .split(sep)
        .join('/')
      const other = target.includes('/src/') ? featureOf(target) : null
      return isRepository(target) && other && other !== feature ? [`${path} -> ${target}`] : []
    })
  })

describe('service layout', () => {
  test('finds the services it checks', () => {
    const services = new Set(serviceSources().map((path) => path.split('/')[1]))
    expect(services.has('product')).toBe(true)
    expect(services.has('user')).toBe(true)
  })

  test('SQL runs only in repository files', () => {
    const found = sqlOutsideRepositories().filter((f) => !notYet.sql.includes(f.path))
    expect(found.map((f) => f.at)).toEqual([])
  })

  test("a feature calls another feature's service, never its repository", () => {
    const found = repositoryImportsAcrossFeatures().filter((f) => !notYet.repositoryImports.includes(f))
    expect(found).toEqual([])
  })

  test('every exception listed is still one (remove those that are not)', () => {
    const sqlFiles = new Set(sqlOutsideRepositories().map((f) => f.path))
    const imports = new Set(repositoryImportsAcrossFeatures())
    expect(notYet.sql.filter((path) => !sqlFiles.has(path))).toEqual([])
    expect(notYet.repositoryImports.filter((entry) => !imports.has(entry))).toEqual([])
  })
})

describe('the checks themselves', () => {
  test('see tagged templates, typed or not, and unsafe statements', () => {
    const source = [
      'const a = await sql`select 1`',
      'const b = await deps.sql<{ id: string }[]>`select id from t`',
      'await tx`update t set x = 1`',
      'await sql.unsafe(text)',
      'const c = sql.json(value) // not a statement: sql`x` in a comment',
      ' * a comment naming tx`select`',
      '// sql`select 1`',
      'await sql.begin(async (tx) => f(tx))',
    ].join('\n')
    expect(sqlLines(source)).toEqual([1, 2, 3, 4])
  })

  test('see static, re-exported and dynamic relative imports, not packages', () => {
    const source = [
      "import * as users from '../users/repository.ts'",
      "import type { Row } from './repository.ts'",
      "export type { Plan } from '../import/rows.ts'",
      "const m = await import('../keys/repository.ts')",
      "import { t } from 'elysia'",
      "import '../side-effect.ts'",
    ].join('\n')
    expect(relativeImports(source)).toEqual([
      '../users/repository.ts',
      './repository.ts',
      '../import/rows.ts',
      '../keys/repository.ts',
      '../side-effect.ts',
    ])
  })

  test('know a repository file by its name', () => {
    expect(isRepository('services/product/src/products/repository.ts')).toBe(true)
    expect(isRepository('services/product/src/reindex/history-repository.ts')).toBe(true)
    expect(isRepository('services/product/src/products/repository-helpers.ts')).toBe(false)
    expect(isRepository('services/product/src/products/service.ts')).toBe(false)
  })
})
