import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { migrate } from '@myshop/db'
import { type OwnTestDatabase, openTestDatabase } from '@myshop/testing'
import { migrationsDir } from '../src/index.ts'
import { createSealer } from '../src/keys/sealing.ts'
import { createKeyRing } from '../src/keys/service.ts'

let db: OwnTestDatabase
beforeAll(async () => {
  db = await openTestDatabase()
  await migrate(db.sql, 'users', migrationsDir)
}, 60_000)
afterAll(() => db.close())

describe('signing key rotation', () => {
  test('the key a rotation promotes was already published, and a fresh next key is published', async () => {
    const ring = createKeyRing({
      sql: db.sql,
      now: Date.now,
      retireAfterSeconds: 3600,
      reloadAfterMs: 0,
      sealer: await createSealer('a-long-operator-held-secret'),
    })
    await ring.ensure()
    const before = (await ring.jwks()).keys.map((k) => k.kid)
    const signing = (await ring.signingKey()).kid
    const { kid, retiring } = await ring.rotate()
    expect(retiring).toEqual([signing])
    expect(before).toContain(kid)
    expect((await ring.signingKey()).kid).toBe(kid)
    const after = (await ring.jwks()).keys.map((k) => k.kid)
    expect(after).toContain(signing)
    expect(after.filter((k) => !before.includes(k))).toHaveLength(1)
  })
})

describe('signing keys at rest', () => {
  test('with KEY_ENCRYPTION_SECRET the private key is stored sealed, and only that secret opens it', async () => {
    const sealer = await createSealer('a-long-operator-held-secret')
    const ring = createKeyRing({ sql: db.sql, now: Date.now, retireAfterSeconds: 3600, sealer })
    const { kid } = await ring.rotate()
    const [row] = await db.sql`select private_jwk from users.signing_keys where kid = ${kid}`
    expect(row?.private_jwk).toMatchObject({ enc: 'A256GCM' })
    expect(JSON.stringify(row?.private_jwk)).not.toContain('"d"')
    expect((await ring.signingKey()).kid).toBe(kid)

    const wrong = createKeyRing({
      sql: db.sql,
      now: Date.now,
      retireAfterSeconds: 3600,
      sealer: await createSealer('another-secret-entirely'),
    })
    await expect(wrong.ensure()).rejects.toThrow('does not open')
    const none = createKeyRing({ sql: db.sql, now: Date.now, retireAfterSeconds: 3600 })
    await expect(none.ensure()).rejects.toThrow('KEY_ENCRYPTION_SECRET')
  })

  test('retiring keys leave the JWKS once their retirement period has passed', async () => {
    let clock = Date.now()
    const sealer = await createSealer('a-long-operator-held-secret')
    const ring = createKeyRing({
      sql: db.sql,
      now: () => clock,
      retireAfterSeconds: 60,
      reloadAfterMs: 0,
      sealer,
    })
    const { kid: first } = await ring.rotate()
    const { kid: second } = await ring.rotate()
    expect((await ring.jwks()).keys.map((k) => k.kid)).toEqual(expect.arrayContaining([first, second]))
    clock += 61_000
    const kids = (await ring.jwks()).keys.map((k) => k.kid)
    expect(kids).not.toContain(first)
    expect(kids).toContain(second)
  })
})
