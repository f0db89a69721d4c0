import { createRequire } from 'node:module'
import { Client } from '@elastic/elasticsearch'
import Mock from '@elastic/elasticsearch-mock'

/** One request as the mock saw it. */
export interface Call {
  method: string
  path: string
  querystring: Record<string, string>
  body: unknown
}

// The mock recognises error replies by `instanceof` against the CommonJS build of the client, which is not
// the class an ESM import gives.
const { errors } = createRequire(import.meta.url)(
  '@elastic/elasticsearch',
) as typeof import('@elastic/elasticsearch')

export type Reply = Record<string, unknown> | InstanceType<typeof errors.ResponseError>

/** A reply with an error status, as Elasticsearch sends it. */
export const errorReply = (statusCode: number, body: Record<string, unknown>) =>
  new errors.ResponseError({
    body,
    statusCode,
    headers: {},
    warnings: null,
    // biome-ignore lint/suspicious/noExplicitAny: the client's diagnostic metadata is irrelevant to the mock
    meta: {} as any,
  })

const failure = (status: number, type: string) => ({ error: { type }, status })

/** A document, or the tombstone a deletion leaves (`source` undefined), with its version. */
interface Entry {
  version: number
  source?: unknown
}

interface Index {
  aliases: Set<string>
  entries: Map<string, Entry>
  /** The mapping's fields, as created and as added since. */
  properties: Record<string, unknown>
}

export interface FakeClusterOptions {
  /** Documents the cluster refuses in a bulk request (as a mapping error would). */
  refuses?: (id: string) => boolean
}

/**
 * A small stateful Elasticsearch behind the official client and `@elastic/elasticsearch-mock`: indices, aliases,
 * documents with external versions and deletion tombstones, bulk requests, atomic alias changes, and the
 * automatic creation of a missing index a write names. Every request is recorded in order.
 */
export const fakeCluster = ({ refuses = () => false }: FakeClusterOptions = {}) => {
  const indices = new Map<string, Index>()
  const calls: Call[] = []

  const namesOf = (expression: string) => expression.split(',').filter(Boolean)
  const holding = (alias: string) =>
    [...indices].filter(([, i]) => i.aliases.has(alias)).map(([name]) => name)
  const aliasesOf = (index: Index) => Object.fromEntries([...index.aliases].map((a) => [a, {}]))
  const create = (name: string, aliases: string[] = [], properties: Record<string, unknown> = {}) => {
    const index: Index = { aliases: new Set(aliases), entries: new Map(), properties: { ...properties } }
    indices.set(name, index)
    return index
  }

  type Outcome = { status: number; result?: string; error?: { type: string }; _version?: number }

  /** One write, as Elasticsearch decides it: the target, auto-creation, and the version check. */
  const write = (
    target: string,
    id: string,
    op: { source?: unknown; version?: number; external: boolean; requireAlias: boolean },
  ): Outcome => {
    const behind = holding(target)
    const isDelete = op.source === undefined
    let name = behind.length === 1 ? behind[0]! : target
    if (behind.length === 0) {
      if (op.requireAlias) return { status: 404, error: { type: 'index_not_found_exception' } }
      // A missing index is created by an index request, and by a delete only with an external version.
      if (!indices.has(target) && isDelete && !op.external)
        return { status: 404, error: { type: 'index_not_found_exception' } }
      name = target
    }
    const index = indices.get(name) ?? create(name)
    const current = index.entries.get(id)
    if (op.external) {
      if (current && op.version! <= current.version)
        return { status: 409, error: { type: 'version_conflict_engine_exception' } }
      index.entries.set(id, { version: op.version!, source: op.source })
      const existed = current?.source !== undefined
      if (isDelete) return { status: existed ? 200 : 404, result: existed ? 'deleted' : 'not_found' }
      return { status: existed ? 200 : 201, result: existed ? 'updated' : 'created', _version: op.version! }
    }
    if (isDelete && current?.source === undefined) return { status: 404, result: 'not_found' }
    index.entries.set(id, { version: (current?.version ?? 0) + 1, source: op.source })
    return { status: 200, result: isDelete ? 'deleted' : 'updated' }
  }

  const asReply = (outcome: Outcome, id: string): Reply =>
    outcome.error
      ? errorReply(outcome.status, { ...failure(outcome.status, outcome.error.type) })
      : outcome.status === 404
        ? errorReply(404, { _id: id, result: outcome.result })
        : { _id: id, ...outcome }

  const routes: Record<string, (call: Call, params: Record<string, string>) => Reply> = {
    'PUT /:index': (call, { index }) => {
      if (indices.has(index!)) return errorReply(400, failure(400, 'resource_already_exists_exception'))
      const body = call.body as {
        aliases?: Record<string, unknown>
        mappings?: { properties?: Record<string, unknown> }
      }
      create(index!, Object.keys(body.aliases ?? {}), body.mappings?.properties)
      return { acknowledged: true, index }
    },
    'GET /:index/_mapping': (_call, { index }) => {
      const names = indices.has(index!) ? [index!] : holding(index!)
      if (names.length === 0) return errorReply(404, failure(404, 'index_not_found_exception'))
      return Object.fromEntries(
        names.map((n) => [n, { mappings: { properties: indices.get(n)!.properties } }]),
      )
    },
    'PUT /:index/_mapping': (call, { index }) => {
      const names = indices.has(index!) ? [index!] : holding(index!)
      if (names.length === 0) return errorReply(404, failure(404, 'index_not_found_exception'))
      const { properties = {} } = call.body as { properties?: Record<string, unknown> }
      for (const n of names) Object.assign(indices.get(n)!.properties, properties)
      return { acknowledged: true }
    },
    'DELETE /:index': (_call, { index }) => {
      const names = namesOf(index!)
      if (names.some((n) => !indices.has(n)))
        return errorReply(404, failure(404, 'index_not_found_exception'))
      for (const n of names) indices.delete(n)
      return { acknowledged: true }
    },
    'HEAD /_alias/:name': (_call, { name }) =>
      holding(name!).length > 0 ? {} : errorReply(404, failure(404, 'aliases_not_found_exception')),
    'GET /_alias/:name': (_call, { name }) => {
      const names = holding(name!)
      if (names.length === 0) return errorReply(404, { error: `alias [${name}] missing`, status: 404 })
      return Object.fromEntries(names.map((n) => [n, { aliases: { [name!]: {} } }]))
    },
    'GET /:index/_alias': (_call, { index }) => {
      const pattern = new RegExp(`^${index!.replaceAll('*', '.*')}$`)
      return Object.fromEntries(
        [...indices].filter(([n]) => pattern.test(n)).map(([n, i]) => [n, { aliases: aliasesOf(i) }]),
      )
    },
    'POST /_aliases': (call) => {
      type Action = { index: string; alias: string; must_exist?: boolean }
      const { actions } = call.body as { actions: ({ add: Action } | { remove: Action })[] }
      // All or nothing, as one cluster state change.
      for (const action of actions) {
        const { index, alias, must_exist } = 'add' in action ? action.add : action.remove
        if (!indices.has(index)) return errorReply(404, failure(404, 'index_not_found_exception'))
        if ('remove' in action && must_exist && !indices.get(index)!.aliases.has(alias))
          return errorReply(404, failure(404, 'aliases_not_found_exception'))
      }
      for (const action of actions) {
        if ('add' in action) indices.get(action.add.index)!.aliases.add(action.add.alias)
        else indices.get(action.remove.index)!.aliases.delete(action.remove.alias)
      }
      return { acknowledged: true }
    },
    'PUT /:index/_doc/:id': (call, { index, id }) =>
      asReply(
        write(index!, id!, {
          source: call.body,
          version: Number(call.querystring.version),
          external: call.querystring.version_type === 'external',
          requireAlias: call.querystring.require_alias === 'true',
        }),
        id!,
      ),
    'DELETE /:index/_doc/:id': (call, { index, id }) =>
      asReply(
        write(index!, id!, {
          version: Number(call.querystring.version),
          external: call.querystring.version_type === 'external',
          requireAlias: false,
        }),
        id!,
      ),
    'POST /:index/_bulk': (call, { index }) => {
      const lines = call.body as Record<string, unknown>[]
      const items: Record<string, Outcome & { _id: string }>[] = []
      for (let i = 0; i < lines.length; i++) {
        const [kind, meta] = Object.entries(lines[i]!)[0] as [
          string,
          { _id: string; _index?: string; version?: number; version_type?: string },
        ]
        const source = kind === 'delete' ? undefined : lines[++i]
        const outcome: Outcome =
          source !== undefined && refuses(meta._id)
            ? { status: 400, error: { type: 'mapper_parsing_exception' } }
            : write(meta._index ?? index!, meta._id, {
                source,
                version: meta.version,
                external: meta.version_type === 'external',
                requireAlias: call.querystring.require_alias === 'true',
              })
        items.push({ [kind]: { _id: meta._id, ...outcome } })
      }
      return { errors: items.some((item) => Object.values(item)[0]!.error !== undefined), items }
    },
    'POST /:index/_refresh': () => ({ _shards: { failed: 0 } }),
  }

  const mock = new Mock()
  for (const [route, handle] of Object.entries(routes)) {
    const [method, path] = route.split(' ') as [string, string]
    const methods = route === 'POST /:index/_refresh' ? ['GET', 'POST'] : [method]
    mock.add({ method: methods, path }, (params) => {
      const call: Call = {
        method: String(params.method),
        path: String(params.path),
        querystring: (params.querystring ?? {}) as Record<string, string>,
        body: params.body,
      }
      calls.push(call)
      // The mock hands no route parameters over: read them from the path by the route's shape.
      const values = call.path.split('/')
      const names = path.split('/')
      const bound = Object.fromEntries(
        names.flatMap((n, i) => (n.startsWith(':') ? [[n.slice(1), values[i] ?? '']] : [])),
      )
      return handle(call, bound)
    })
  }

  const client = new Client({
    node: 'http://localhost:9200',
    Connection: mock.getConnection(),
    maxRetries: 0,
  })

  return {
    client,
    calls,
    /** Requests as `METHOD /path`, in order. */
    requests: () => calls.map((c) => `${c.method} ${c.path}`),
    /** Creates an index with aliases directly, as an earlier process left it. */
    createIndex: (name: string, aliases: string[] = []) => void create(name, aliases),
    /** Deletes an index directly, as another process would. */
    dropIndex: (name: string) => void indices.delete(name),
    /** Forgets every deletion tombstone, as `index.gc_deletes` does after 60 seconds. */
    collectTombstones: () => {
      for (const index of indices.values())
        for (const [id, entry] of index.entries) if (entry.source === undefined) index.entries.delete(id)
    },
    indexNames: () => [...indices.keys()].sort(),
    /** The indices an alias points at. */
    aliased: (alias: string) => holding(alias),
    /** The live documents of an index or of the one index behind an alias: id → version and source. */
    documents: (target: string) => {
      const [name] = indices.has(target) ? [target] : holding(target)
      const entries = name ? [...indices.get(name)!.entries] : []
      return Object.fromEntries(
        entries.flatMap(([id, e]) =>
          e.source === undefined ? [] : [[id, { version: e.version, source: e.source }]],
        ),
      ) as Record<string, { version: number; source: Record<string, unknown> }>
    },
  }
}

export type FakeCluster = ReturnType<typeof fakeCluster>
