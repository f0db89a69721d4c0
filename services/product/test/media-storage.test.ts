import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { Elysia } from 'elysia'
import { fileStorage } from '../src/media/fs-storage.ts'
import { mediaFileRoutes } from '../src/media/routes.ts'
import { s3Storage } from '../src/media/s3-storage.ts'
import type { MediaStorage } from '../src/media/storage.ts'
import { startS3, tempDir } from './media-harness.ts'

const bytes = (text: string) => new TextEncoder().encode(text)
const key = (name: string) =>
  `products/prd_01JD0000000000000000000000/img_${crypto.randomUUID().slice(0, 8)}/${name}`

// The contract both stores keep.
const behavesLikeMediaStorage = (storage: () => MediaStorage) => {
  test('puts, gets and deletes an object', async () => {
    const k = key('original.png')
    await storage().put(k, bytes('png bytes'), 'image/png')
    const got = await storage().get(k)
    expect(got?.contentType).toBe('image/png')
    expect(new TextDecoder().decode(got?.body)).toBe('png bytes')
    await storage().delete([k])
    expect(await storage().get(k)).toBeNull()
  })

  test('a missing key reads as null and deleting it is not an error', async () => {
    const k = key('medium.webp')
    expect(await storage().get(k)).toBeNull()
    await storage().delete([k])
    await storage().delete([])
  })

  test('refuses keys that could escape the store', async () => {
    for (const bad of [
      '../etc/passwd',
      'products/../../x.png',
      '/abs.png',
      'a//b.png',
      'a/./b.png',
      'a b.png',
      'é.png',
      '',
    ])
      await expect(storage().put(bad, bytes('x'), 'image/png')).rejects.toThrow(/invalid storage key/)
  })
}

describe('filesystem storage', () => {
  const dir = tempDir('media')
  const storage = fileStorage({ dir, publicBaseUrl: 'http://localhost:3002/media/' })

  behavesLikeMediaStorage(() => storage)

  test('writes under its directory and builds public URLs from the key', async () => {
    const k = key('thumbnail.webp')
    await storage.put(k, bytes('webp'), 'image/webp')
    expect(existsSync(join(dir, k))).toBe(true)
    // No temporary files are left beside it.
    expect(readdirSync(join(dir, k, '..'))).toEqual(['thumbnail.webp'])
    expect(storage.url(k)).toBe(`http://localhost:3002/media/${k}`)
  })

  test('cannot presign', async () => {
    expect(await storage.presignUpload(key('x.png'), 'image/png', 10, 60)).toBeNull()
  })

  describe('served at /media/*', () => {
    const app = new Elysia().use(mediaFileRoutes(storage))
    const get = (path: string, headers: Record<string, string> = {}) =>
      app.handle(new Request(`http://localhost${path}`, { headers }))

    test('with its content type, an immutable cache header and an ETag', async () => {
      const k = key('medium.webp')
      await storage.put(k, bytes('webp body'), 'image/webp')
      const res = await get(`/media/${k}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/webp')
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(await res.text()).toBe('webp body')
      const etag = res.headers.get('etag')
      expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)

      const again = await get(`/media/${k}`, { 'if-none-match': etag! })
      expect(again.status).toBe(304)
      expect(await again.text()).toBe('')
    })

    test('404 for a missing file, a directory, or a path that tries to leave the directory', async () => {
      const k = key('original.jpg')
      await storage.put(k, bytes('jpeg'), 'image/jpeg')
      for (const path of [
        '/media/products/nope.webp',
        `/media/${k.slice(0, k.lastIndexOf('/'))}`,
        '/media/../package.json',
        '/media/%2e%2e/%2e%2e/package.json',
        '/media/products/..%2f..%2fpackage.json',
        '/media/products%2f..%2f..%2fpackage.json',
      ]) {
        const res = await get(path)
        expect([path, res.status]).toEqual([path, 404])
      }
    })
  })
})

describe('S3 storage (against s3rver)', () => {
  let s3: Awaited<ReturnType<typeof startS3>>
  let storage: ReturnType<typeof s3Storage>

  beforeAll(async () => {
    s3 = await startS3()
    storage = s3Storage({ client: s3.client, bucket: s3.bucket, publicBaseUrl: s3.publicBaseUrl })
  }, 30_000)
  afterAll(() => s3.close())

  behavesLikeMediaStorage(() => storage)

  test('objects are public-cacheable forever and reachable at their URL', async () => {
    const k = key('thumbnail.webp')
    await storage.put(k, bytes('webp'), 'image/webp')
    const res = await fetch(storage.url(k))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('content-type')).toBe('image/webp')
    expect(await res.text()).toBe('webp')
  })

  test('deletes many objects in one call', async () => {
    const keys = [key('a.png'), key('b.png'), key('c.png')]
    await Promise.all(keys.map((k) => storage.put(k, bytes(k), 'image/png')))
    await storage.delete(keys)
    for (const k of keys) expect(await storage.get(k)).toBeNull()
  })

  test('a presigned PUT uploads the bytes straight to the bucket', async () => {
    const k = `uploads/prd_01JD0000000000000000000000/img_${crypto.randomUUID().slice(0, 8)}.png`
    const body = bytes('fake png for the transport test')
    const url = await storage.presignUpload(k, 'image/png', body.byteLength, 60)
    expect(url).toStartWith(`${s3.endpoint}/${s3.bucket}/${k}?`)
    // No checksum of an empty body baked into the URL (S3 would reject the real upload).
    expect(url).not.toContain('x-amz-checksum')
    expect(new URL(url!).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host')

    const put = await fetch(url!, { method: 'PUT', body, headers: { 'content-type': 'image/png' } })
    expect(put.status).toBe(200)
    const got = await storage.get(k)
    expect(got?.contentType).toBe('image/png')
    expect(new TextDecoder().decode(got?.body)).toBe('fake png for the transport test')
  })

  test('presigns without an empty-body checksum even with a client built elsewhere', async () => {
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })
    const url = await s3Storage({ client, bucket: s3.bucket, publicBaseUrl: '' }).presignUpload(
      'uploads/x.png',
      'image/png',
      3,
      60,
    )
    expect(url).not.toContain('x-amz-checksum')
    expect(url).not.toContain('x-amz-sdk-checksum')
    // The stock client on its own adds one: the guard is what removed it.
    const stock = await getSignedUrl(
      client,
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: 'uploads/x.png',
        ContentType: 'image/png',
        ContentLength: 3,
      }),
      { expiresIn: 60 },
    )
    expect(stock).toContain('x-amz-checksum')
    client.destroy()
  })
})
