import { describe, expect, test } from 'bun:test'
import { resolve } from 'node:path'
import { gatewayConfig } from '@myshop/edge-gateway/config'
import { loadProductConfig } from '@myshop/product-service/config'
import { loadUserConfig } from '@myshop/user-service/config'

// The processes of one shop must agree on the namespace of its Redis keys (the services share event streams, the
// gateway and the services one Redis); two shops must not.
const namespaces = (env: Record<string, string>) => [
  loadUserConfig(env).REDIS_PREFIX,
  loadProductConfig(env).REDIS_PREFIX,
  gatewayConfig(env).redisPrefix,
]

describe('REDIS_PREFIX', () => {
  test('unset, every process of a shop derives myshop: and the name of the shared database', () => {
    const env = { DATABASE_URL: 'postgres://myshop:secret@db:5432/shop_east' }
    expect(namespaces(env)).toEqual(['myshop:shop_east', 'myshop:shop_east', 'myshop:shop_east'])
  })

  test('two shops on two databases of one server get two namespaces', () => {
    const east = namespaces({ DATABASE_URL: 'postgres://myshop@db:5432/shop_east' })
    const west = namespaces({ DATABASE_URL: 'postgres://myshop@db:5432/shop_west' })
    expect(east[0]).not.toBe(west[0])
  })

  test('services on databases of their own derive it from DATABASE_URL, the one they share', () => {
    const env = {
      DATABASE_URL: 'postgres://myshop@db:5432/shop',
      USER_DATABASE_URL: 'postgres://myshop@db:5432/shop_users',
      PRODUCT_DATABASE_URL: 'postgres://myshop@db:5432/shop_products',
    }
    expect(namespaces(env)).toEqual(['myshop:shop', 'myshop:shop', 'myshop:shop'])
  })

  test('a URL without a database names the database after its user, as PostgreSQL does', () => {
    expect(loadUserConfig({ DATABASE_URL: 'postgres://alice@db:5432' }).REDIS_PREFIX).toBe('myshop:alice')
  })

  test('embedded, it is derived from the data directory every process of the shop reads', () => {
    const env = { MYSHOP_DATA_DIR: './shop-data' }
    expect(namespaces(env)).toEqual(Array(3).fill(`myshop:embedded:${resolve('./shop-data')}`))
  })

  test('set, it is used as it is by every process', () => {
    const env = { REDIS_PREFIX: 'acme:eu', DATABASE_URL: 'postgres://myshop@db:5432/shop' }
    expect(namespaces(env)).toEqual(['acme:eu', 'acme:eu', 'acme:eu'])
  })

  test('a value with spaces or wildcards stops the boot and says what is allowed', () => {
    expect(() => loadUserConfig({ REDIS_PREFIX: 'my shop*' })).toThrow(
      'REDIS_PREFIX must be up to 100 letters, digits and the characters _ . : -',
    )
  })
})
