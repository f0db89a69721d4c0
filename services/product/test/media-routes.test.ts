import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createVerifier, type Role, tokenAudience } from '@myshop/auth'
import { migrate } from '@myshop/db'
import { createHttpApp } from '@myshop/http'
import { newId } from '@myshop/ids'
import { silentLogger } from '@myshop/logger'
import { jsonRequest, type TestDatabase, testDatabase } from '@myshop/testing'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import sharp from 'sharp'
import { type FileStorage, fileStorage } from '../src/media/fs-storage.ts'
import { mediaBodyLimit, mediaFileRoutes, mediaRoutes } from '../src/media/routes.ts'
import { s3Storage } from '../src/media/s3-storage.ts'
import type { ImagesChange } from '../src/media/service.ts'
import type { MediaStorage } from '../src/media/storage.ts'
import { pngBomb, startS3, tempDir } from './media-harness.ts'

const migrationsDir = join(import.meta.dir, '../../../db/migrations/product')
const settings = { maxImageBytes: 256 * 1024, publicMaxAgeSeconds: 60, cacheSettleMs: 2_000 }
const issuer = 'myshop'

let db: TestDatabase
let signer: { token: (roles: Role[]) => Promise<string>; verifier: ReturnType<typeof createVerifier> }

beforeAll(async () => {
  // The process-wide database: every test makes its own product, so suites do not see each other's rows.
  db = await testDatabase()
  await migrate(db.sql, 'catalog', migrationsDir)
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
  const jwk = { ...(await exportJWK(publicKey)), kid: 'media-test', alg: 'ES256', use: 'sig' }
  signer = {
    verifier: createVerifier({ issuer, audience: tokenAudience, jwks: () => ({ keys: [jwk] }) }),
    token: (roles) =>
      new SignJWT({ sid: 'ses_test', roles })
        .setProtectedHeader({ alg: 'ES256', kid: 'media-test', typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(tokenAudience)
        .setSubject('usr_test')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey),
  }
}, 60_000)

const newProduct = async () => {
  const id = newId('prd')
  await db.sql`insert into catalog.products (id, slug, name, status) values (${id}, ${id.toLowerCase()}, 'Lamp', 'active')`
  return id
}
const imageRows = (productId: string) =>
  db.sql<
    { id: string; position: number; keys: Record<string, string>; bytes: number; contentType: string }[]
  >`
    select id, position, keys, bytes, content_type as "contentType" from catalog.images
    where product_id = ${productId} order by position`

const png = (width = 640, height = 480) =>
  sharp({ create: { width, height, channels: 3, background: '#36c' } })
    .png()
    .toBuffer()
const jpegWithGps = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#c63' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 29/1' } })
    .toBuffer()

const multipart = (data: Uint8Array | Buffer, name = 'photo.png', type = 'image/png', field = 'file') => {
  const form = new FormData()
  form.set(field, new File([new Uint8Array(data)], name, { type }))
  return form
}

const buildApp = (storage: MediaStorage, hooks: Parameters<typeof mediaRoutes>[1] = {}) => {
  const deps: Parameters<typeof mediaRoutes>[0] = {
    sql: db.sql,
    storage,
    settings,
    logger: silentLogger(),
    now: () => Date.now(),
    verifier: signer.verifier,
  }
  const base = createHttpApp({
    service: 'product',
    logger: deps.logger,
    maxBodyBytes: mediaBodyLimit(settings),
  }).use(mediaRoutes(deps, hooks))
  const app = 'pathOf' in storage ? base.use(mediaFileRoutes(storage as FileStorage)) : base
  const send = async (request: Request) => {
    const res = await app.handle(request)
    const text = await res.text()
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response bodies
    let body: any = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {}
    return { status: res.status, headers: res.headers, body }
  }
  return { app, deps, send }
}

const upload = (productId: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/v1/products/${productId}/images`, { method: 'POST', body, headers })

const bearer = async (roles: Role[] = ['catalog_manager']) => ({
  authorization: `Bearer ${await signer.token(roles)}`,
})

describe('images on the filesystem storage', () => {
  const dir = tempDir('media-routes')
  const storage = fileStorage({ dir, publicBaseUrl: 'http://localhost/media' })
  const changes: ImagesChange[] = []
  let api: ReturnType<typeof buildApp>
  const send = (request: Request) => api.send(request)
  const handle = (request: Request) => api.app.handle(request)
  const hooks: Parameters<typeof mediaRoutes>[1] = {
    inTransaction: async (tx, change) => {
      // The hook sees the row in the same transaction as the insert.
      const [row] = await tx`select 1 from catalog.images where id = ${change.image.id}`
      if (change.kind === 'image.added') expect(row).toBeDefined()
    },
    afterCommit: (change) => {
      changes.push(change)
    },
  }
  beforeAll(() => {
    api = buildApp(storage, hooks)
  })
  const filesOf = (productId: string) => {
    const base = join(dir, 'products', productId)
    return existsSync(base) ? readdirSync(base, { recursive: true }).map(String) : []
  }

  test('a catalog manager uploads a PNG: 201, three renditions served from /media, one row', async () => {
    const productId = await newProduct()
    const res = await send(upload(productId, multipart(await png()), await bearer()))
    expect(res.status).toBe(201)
    const image = res.body
    expect(image).toMatchObject({ contentType: 'image/png', width: 640, height: 480, position: 0 })
    expect(image.id).toMatch(/^img_[0-9A-Z]{26}$/)
    const base = `http://localhost/media/products/${productId}/${image.id}`
    expect(image.urls).toEqual({
      original: `${base}/original.png`,
      medium: `${base}/medium.webp`,
      thumbnail: `${base}/thumbnail.webp`,
    })

    const rows = await imageRows(productId)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: image.id, position: 0, contentType: 'image/png' })
    expect(rows[0]?.keys).toEqual({
      original: `products/${productId}/${image.id}/original.png`,
      medium: `products/${productId}/${image.id}/medium.webp`,
      thumbnail: `products/${productId}/${image.id}/thumbnail.webp`,
    })

    const thumb = await handle(new Request(image.urls.thumbnail))
    expect(thumb.status).toBe(200)
    expect(thumb.headers.get('content-type')).toBe('image/webp')
    expect(thumb.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 200, 200])

    const original = await handle(new Request(image.urls.original))
    expect(original.headers.get('content-type')).toBe('image/png')
    expect(Number(original.headers.get('content-length'))).toBe(rows[0]!.bytes)

    expect(changes.at(-1)).toEqual({ kind: 'image.added', productId, image })
  })

  test('images take the next position, and a JPEG is stored without its EXIF', async () => {
    const productId = await newProduct()
    const first = await send(upload(productId, multipart(await png()), await bearer()))
    const second = await send(
      upload(productId, multipart(await jpegWithGps(), 'p.jpg', 'image/jpeg'), await bearer()),
    )
    expect(second.status).toBe(201)
    expect([first.body.position, second.body.position]).toEqual([0, 1])
    expect(second.body.urls.original).toEndWith('/original.jpg')
    const stored = await storage.get(`products/${productId}/${second.body.id}/original.jpg`)
    const meta = await sharp(stored!.body).metadata()
    expect(meta.format).toBe('jpeg')
    expect(meta.exif).toBeUndefined()
  })

  test('401 without a token, 403 for a customer, and nothing stored', async () => {
    const productId = await newProduct()
    const anonymous = await send(upload(productId, multipart(await png())))
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.code).toBe('unauthenticated')
    const customer = await send(upload(productId, multipart(await png()), await bearer(['customer'])))
    expect(customer.status).toBe(403)
    expect(customer.body.code).toBe('forbidden')
    expect(await imageRows(productId)).toHaveLength(0)
    expect(filesOf(productId)).toEqual([])
  })

  test('404 for a product that does not exist, 422 for a malformed id', async () => {
    const unknown = await send(upload(newId('prd'), multipart(await png()), await bearer()))
    expect(unknown.status).toBe(404)
    expect(unknown.body.code).toBe('not_found')
    const malformed = await send(upload('prd_nope', multipart(await png()), await bearer()))
    expect(malformed.status).toBe(422)
  })

  test('413 for a file over the limit, declared or streamed without a length', async () => {
    const productId = await newProduct()
    const big = new Uint8Array(settings.maxImageBytes + 1)
    const declared = await send(upload(productId, multipart(big), await bearer()))
    expect(declared.status).toBe(413)
    expect(declared.body.code).toBe('payload_too_large')

    // A chunked body with no Content-Length: cut off once it passes the limit.
    const form = new Response(multipart(new Uint8Array(settings.maxImageBytes * 2)))
    const contentType = form.headers.get('content-type')!
    const whole = new Uint8Array(await form.arrayBuffer())
    let sent = 0
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= whole.byteLength) return controller.close()
        controller.enqueue(whole.subarray(sent, sent + 64 * 1024))
        sent += 64 * 1024
      },
    })
    const streamed = await send(
      upload(productId, chunked, { ...(await bearer()), 'content-type': contentType }),
    )
    expect(streamed.status).toBe(413)
    // Reading stopped soon after the limit instead of taking the whole body.
    expect(sent).toBeLessThan(whole.byteLength)

    // Just over the image limit but within the multipart allowance: caught on the file's own size.
    const justOver = await send(
      upload(productId, multipart(new Uint8Array(settings.maxImageBytes + 10)), await bearer()),
    )
    expect(justOver.status).toBe(413)
    expect(await imageRows(productId)).toHaveLength(0)
    expect(filesOf(productId)).toEqual([])
  })

  test('415 for a text file named .png: nothing stored, no row', async () => {
    const productId = await newProduct()
    const res = await send(
      upload(
        productId,
        multipart(new TextEncoder().encode('not an image at all'), 'cat.png'),
        await bearer(),
      ),
    )
    expect(res.status).toBe(415)
    expect(res.body.code).toBe('unsupported_media_type')
    expect(await imageRows(productId)).toHaveLength(0)
    expect(filesOf(productId)).toEqual([])
  })

  test('415 for a body that is not multipart, 422 without a file field', async () => {
    const productId = await newProduct()
    const raw = await send(
      upload(productId, await png(), { ...(await bearer()), 'content-type': 'image/png' }),
    )
    expect(raw.status).toBe(415)
    const noFile = await send(
      upload(productId, multipart(await png(), 'a.png', 'image/png', 'photo'), await bearer()),
    )
    expect(noFile.status).toBe(422)
    expect(noFile.body.errors).toEqual([{ path: '/file', message: 'an image file is required' }])
  })

  test('a decompression bomb (a few hundred bytes declaring 20000×20000 pixels) is refused with 422', async () => {
    const productId = await newProduct()
    const res = await send(upload(productId, multipart(pngBomb(20_000, 20_000)), await bearer()))
    expect(res.status).toBe(422)
    expect(res.body.detail).toContain('20000×20000')
    expect(await imageRows(productId)).toHaveLength(0)
    expect(filesOf(productId)).toEqual([])
  })

  test('deleting an image removes its row and its files; a second delete is 404', async () => {
    const productId = await newProduct()
    const { body: image } = await send(upload(productId, multipart(await png()), await bearer()))
    expect(filesOf(productId).filter((f) => f.includes('.'))).toHaveLength(3)
    const del = () =>
      bearer().then((h) =>
        send(
          new Request(`http://localhost/api/v1/products/${productId}/images/${image.id}`, {
            method: 'DELETE',
            headers: h,
          }),
        ),
      )
    const first = await del()
    expect(first.status).toBe(204)
    expect(await imageRows(productId)).toHaveLength(0)
    expect(filesOf(productId).filter((f) => f.includes('.'))).toEqual([])
    expect(changes.at(-1)).toMatchObject({ kind: 'image.deleted', productId, image: { id: image.id } })
    expect((await del()).status).toBe(404)
  })

  test('presigning is a 409 on the filesystem storage', async () => {
    const productId = await newProduct()
    const res = await send(
      jsonRequest(
        'POST',
        `/api/v1/products/${productId}/images/presign`,
        { contentType: 'image/png', size: 1000 },
        await bearer(),
      ),
    )
    expect(res.status).toBe(409)
    expect(res.body.detail).toContain('cannot presign')
  })
})

describe('when storing or recording fails', () => {
  test('a storage failure leaves no row and removes the renditions already written', async () => {
    const dir = tempDir('media-failing')
    const real = fileStorage({ dir, publicBaseUrl: 'http://localhost/media' })
    const failing: MediaStorage = {
      ...real,
      put: async (key, body, type) => {
        if (key.endsWith('thumbnail.webp')) throw new Error('disk full')
        await real.put(key, body, type)
      },
    }
    const { send } = buildApp(failing)
    const productId = await newProduct()
    const res = await send(upload(productId, multipart(await png()), await bearer()))
    expect(res.status).toBe(500)
    expect(await imageRows(productId)).toHaveLength(0)
    const files = existsSync(join(dir, 'products')) ? readdirSync(dir, { recursive: true }).map(String) : []
    expect(files.filter((f) => f.includes('.'))).toEqual([])
  })

  test('a hook that fails inside the transaction rolls the row back and removes the files', async () => {
    const dir = tempDir('media-hook')
    const storage = fileStorage({ dir, publicBaseUrl: 'http://localhost/media' })
    const { send } = buildApp(storage, {
      inTransaction: async () => {
        throw new Error('outbox unavailable')
      },
    })
    const productId = await newProduct()
    const res = await send(upload(productId, multipart(await png()), await bearer()))
    expect(res.status).toBe(500)
    expect(await imageRows(productId)).toHaveLength(0)
    expect(
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.includes('.')),
    ).toEqual([])
  })
})

describe('presigned uploads to S3 (s3rver)', () => {
  let s3: Awaited<ReturnType<typeof startS3>>
  let api: ReturnType<typeof buildApp>
  let storage: MediaStorage

  beforeAll(async () => {
    s3 = await startS3()
    storage = s3Storage({ client: s3.client, bucket: s3.bucket, publicBaseUrl: s3.publicBaseUrl })
    api = buildApp(storage)
  }, 30_000)
  afterAll(() => s3.close())

  const presign = async (productId: string, body: unknown) =>
    api.send(jsonRequest('POST', `/api/v1/products/${productId}/images/presign`, body, await bearer()))
  const confirm = async (productId: string, key: string) =>
    api.send(jsonRequest('POST', `/api/v1/products/${productId}/images/confirm`, { key }, await bearer()))

  test('presign, PUT to the bucket, confirm: 201 with renditions in the bucket and the raw upload gone', async () => {
    const productId = await newProduct()
    const bytes = await jpegWithGps()
    const signed = await presign(productId, { contentType: 'image/jpeg', size: bytes.byteLength })
    expect(signed.status).toBe(201)
    expect(signed.body).toMatchObject({
      expiresIn: 900,
      headers: { 'content-type': 'image/jpeg' },
      confirmUrl: `/api/v1/products/${productId}/images/confirm`,
    })
    expect(signed.body.key).toMatch(new RegExp(`^uploads/${productId}/img_[0-9A-Z]{26}\\.jpg$`))

    const put = await fetch(signed.body.uploadUrl, {
      method: 'PUT',
      body: bytes,
      headers: signed.body.headers,
    })
    expect(put.status).toBe(200)

    const confirmed = await confirm(productId, signed.body.key)
    expect(confirmed.status).toBe(201)
    expect(confirmed.body).toMatchObject({ contentType: 'image/jpeg', width: 300, height: 200, position: 0 })
    expect(confirmed.body.urls.medium).toBe(
      `${s3.publicBaseUrl}/products/${productId}/${confirmed.body.id}/medium.webp`,
    )
    const medium = await fetch(confirmed.body.urls.medium)
    expect(medium.headers.get('content-type')).toBe('image/webp')
    expect(medium.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const original = await storage.get(`products/${productId}/${confirmed.body.id}/original.jpg`)
    expect((await sharp(original!.body).metadata()).exif).toBeUndefined()

    expect(await storage.get(signed.body.key)).toBeNull()
    expect(await imageRows(productId)).toHaveLength(1)
    // Confirming twice finds nothing to confirm.
    expect((await confirm(productId, signed.body.key)).status).toBe(404)
  })

  test('an upload that is not an image is refused on confirm and deleted, with no row', async () => {
    const productId = await newProduct()
    const text = new TextEncoder().encode('<html>not a png</html>')
    const signed = await presign(productId, { contentType: 'image/png', size: text.byteLength })
    await fetch(signed.body.uploadUrl, { method: 'PUT', body: text, headers: signed.body.headers })
    const res = await confirm(productId, signed.body.key)
    expect(res.status).toBe(415)
    expect(await storage.get(signed.body.key)).toBeNull()
    expect(await imageRows(productId)).toHaveLength(0)
  })

  test('presign refuses types outside the list (415) and sizes over the limit (413)', async () => {
    const productId = await newProduct()
    expect((await presign(productId, { contentType: 'image/svg+xml', size: 100 })).status).toBe(415)
    expect(
      (await presign(productId, { contentType: 'image/png', size: settings.maxImageBytes + 1 })).status,
    ).toBe(413)
    expect((await presign(newId('prd'), { contentType: 'image/png', size: 100 })).status).toBe(404)
  })

  test("confirm only takes this product's upload keys", async () => {
    const productId = await newProduct()
    const other = await newProduct()
    const signed = await presign(other, { contentType: 'image/png', size: 100 })
    for (const key of [signed.body.key, `products/${other}/x/original.png`, '../etc/passwd']) {
      const res = await confirm(productId, key)
      expect([key, res.status]).toEqual([key, 422])
    }
  })
})
