import type { Result, Router } from 'hono/router'
import { RegExpRouter } from 'hono/router/reg-exp-router'
import { SmartRouter } from 'hono/router/smart-router'
import { TrieRouter } from 'hono/router/trie-router'

/** Paths longer than this are matched every time: a memo is for the paths clients keep asking for. */
const longestRemembered = 256

/**
 * Hono's default router (RegExp, else trie) with each path's match remembered. The route table needs the trie
 * router (`/users/me` beside `/users/:id`), which splits the path and walks its nodes on every request; a
 * gateway sees the same few paths over and over, so a match is looked up by method and path instead. The memo is
 * bounded (emptied when full) and never changes an answer: a match depends on the method and path alone, and the
 * routes are all added before the first match.
 */
export const rememberingRouter = <T>(capacity = 10_000): Router<T> => {
  const inner: Router<T> = new SmartRouter<T>({ routers: [new RegExpRouter<T>(), new TrieRouter<T>()] })
  const memo = new Map<string, Result<T>>()
  return {
    name: 'RememberingRouter',
    add: (method, path, handler) => inner.add(method, path, handler),
    match(method, path) {
      if (path.length > longestRemembered) return inner.match(method, path)
      // A method has no slash and a path starts with one: the key is unambiguous.
      const key = method + path
      let result = memo.get(key)
      if (result === undefined) {
        result = inner.match(method, path)
        if (memo.size >= capacity) memo.clear()
        memo.set(key, result)
      }
      return result
    },
  }
}
