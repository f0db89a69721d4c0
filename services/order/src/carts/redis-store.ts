import type Redis from 'ioredis'
import type { CartRecord } from './model.ts'
import type { CartStore, SaveResult } from './store.ts'

// A cart is a hash: `v` its version, `doc` the record as JSON. A shopper's cart id is kept beside it. Both expire
// together, and every save gives them another time to live.
const saveScript = `
local stored = redis.call('HGET', KEYS[1], 'v')
if (stored or '0') ~= ARGV[1] then return 0 end
if #KEYS > 1 then
  local owner = redis.call('GET', KEYS[2])
  if owner and owner ~= ARGV[4] and redis.call('EXISTS', ARGV[5] .. owner) == 1 then return -1 end
end
redis.call('HSET', KEYS[1], 'v', tonumber(ARGV[1]) + 1, 'doc', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if #KEYS > 1 then redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3]) end
return 1`

const deleteScript = `
local stored = redis.call('HMGET', KEYS[1], 'v', 'doc')
if not stored[1] then return 0 end
if ARGV[3] ~= '' and stored[1] ~= ARGV[3] then return 0 end
local doc = stored[2]
redis.call('DEL', KEYS[1])
if doc then
  local userId = cjson.decode(doc).userId
  if type(userId) == 'string' and redis.call('GET', ARGV[1] .. userId) == ARGV[2] then
    redis.call('DEL', ARGV[1] .. userId)
  end
end
return 1`

/** Carts in Redis under the shop's namespace (REDIS_PREFIX), expired by Redis itself. */
export const redisCartStore = (
  redis: Redis,
  { namespace, ttlMs }: { namespace: string; ttlMs: number },
): CartStore => {
  const cartPrefix = `${namespace}:cart:`
  const userPrefix = `${namespace}:cart-user:`
  const read = async (id: string): Promise<CartRecord | null> => {
    const [version, doc] = await redis.hmget(cartPrefix + id, 'v', 'doc')
    if (version == null || doc == null) return null
    return { ...(JSON.parse(doc) as CartRecord), version: Number(version) }
  }
  return {
    get: read,
    async findByUser(userId) {
      const id = await redis.get(userPrefix + userId)
      return id ? read(id) : null
    },
    async save(record): Promise<SaveResult> {
      const { version, ...doc } = record
      const keys = [cartPrefix + record.id, ...(record.userId ? [userPrefix + record.userId] : [])]
      const result = await redis.eval(
        saveScript,
        keys.length,
        ...keys,
        String(version),
        JSON.stringify(doc),
        String(ttlMs),
        record.id,
        cartPrefix,
      )
      return result === 1 ? 'saved' : result === -1 ? 'user_has_cart' : 'conflict'
    },
    async delete(id, version) {
      const deleted = await redis.eval(deleteScript, 1, cartPrefix + id, userPrefix, id, version ?? '')
      return deleted === 1
    },
    // Redis expires carts itself.
    purgeExpired: async () => 0,
  }
}
