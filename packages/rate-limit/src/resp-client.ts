import { gcraLua } from './gcra-lua.ts'
import { type RedisStoreOptions, redisScriptOptions } from './redis.ts'
import { type RateLimitStore, scriptStore } from './store.ts'

/** A Redis client that sends raw commands: Bun's built-in `RedisClient` has this shape. */
export interface RespClient {
  send(command: string, args: string[]): Promise<unknown>
}

/**
 * The limiter on a client that speaks raw commands, such as Bun's native Redis client: the same script and
 * semantics as `redisStore`, without a JavaScript protocol parser on the request path.
 */
export const respStore = (client: RespClient, options: RedisStoreOptions = {}): RateLimitStore =>
  scriptStore(
    {
      evalsha: (sha, keys, args) => client.send('EVALSHA', [sha, String(keys.length), ...keys, ...args]),
      eval: (source, keys, args) => client.send('EVAL', [source, String(keys.length), ...keys, ...args]),
    },
    gcraLua,
    redisScriptOptions(options),
  )
