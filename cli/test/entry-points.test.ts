// The processes `myshop start` boots, each started on its own as a container would: a bad configuration stops them
// before anything starts, with every problem said in words.
import { expect, test } from 'bun:test'
import { join } from 'node:path'

const root = join(import.meta.dir, '../..')

test.each([
  [
    'services/user/src/index.ts',
    { USER_PORT: 'abc', ACCESS_TOKEN_TTL_SECONDS: '5', MYSHOP_ADMIN_EMAIL: 'admin' },
    [
      'The user service cannot start. The configuration has 4 problems:',
      '  - USER_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "abc".',
      '  - ACCESS_TOKEN_TTL_SECONDS must be a whole number of at least 60; got "5".',
      '  - MYSHOP_ADMIN_EMAIL must be an email address; got "admin".',
      '  - MYSHOP_ADMIN_PASSWORD is not set; set both MYSHOP_ADMIN_EMAIL and MYSHOP_ADMIN_PASSWORD to create or update the first administrator, or neither.',
    ],
  ],
  [
    'services/user/src/index.ts',
    { USER_PORT: 'abc', MYSHOP_ADMIN_EMAIL: 'owner@example.com', MYSHOP_ADMIN_PASSWORD: 'password1' },
    [
      'The user service cannot start. The configuration has 2 problems:',
      '  - USER_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "abc".',
      '  - MYSHOP_ADMIN_PASSWORD is refused: This password is too common or too easy to guess. Choose a stronger passphrase.',
    ],
  ],
  [
    'services/product/src/index.ts',
    { PRODUCT_PORT: '1.5', ELASTICSEARCH_INDEX: 'My Products', LOG_FORMAT: 'fancy' },
    [
      'The product service cannot start. The configuration has 3 problems:',
      '  - PRODUCT_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "1.5".',
      '  - ELASTICSEARCH_INDEX must be an index name of lowercase letters, digits, - and _; got "My Products".',
      '  - LOG_FORMAT must be one of auto, json, pretty; got "fancy".',
    ],
  ],
  [
    'services/inventory/src/index.ts',
    { INVENTORY_PORT: '-5', RESERVATION_TTL_SECONDS: '0', JWKS_URL: 'keys' },
    [
      'The inventory service cannot start. The configuration has 3 problems:',
      '  - INVENTORY_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "-5".',
      '  - JWKS_URL must be a URL (scheme://host…); got "keys".',
      '  - RESERVATION_TTL_SECONDS must be a whole number of at least 1; got "0".',
    ],
  ],
  [
    'edge-gateway/src/entry/bun.ts',
    { GATEWAY_PORT: 'http', RATE_LIMIT_PER_IP: '0', CORS_ORIGINS: 'https://shop.example' },
    [
      'The edge gateway cannot start. The configuration has 2 problems:',
      '  - GATEWAY_PORT must be a whole number between 0 and 65535 (0 picks a free port); got "http".',
      '  - RATE_LIMIT_PER_IP must be a whole number of at least 1; got "0".',
    ],
  ],
])('%s refuses a bad configuration with every problem in words, exit code 78', (entry, env, expected) => {
  // Only the variables under test: the suite's own DATABASE_URL or REDIS_URL would change what is reported.
  const run = Bun.spawnSync([process.execPath, join(root, entry)], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdin: 'ignore',
  })
  expect(run.exitCode).toBe(78)
  expect(run.stderr.toString()).toBe(`${expected.join('\n')}\n`)
  expect(run.stdout.toString()).toBe('')
})
