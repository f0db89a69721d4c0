// createApp mounts every feature itself: media included, and the files at /media/* when it is given the
// filesystem storage they are kept in.
import { beforeAll, describe, expect, test } from 'bun:test'
import { createApp } from '../src/app.ts'
import type { FileStorage } from '../src/media/fs-storage.ts'
import { type ProductHarness, productHarness } from './harness.ts'
import { png } from './media-harness.ts'

let h: ProductHarness
let files: FileStorage
beforeAll(async () => {
  h = await productHarness()
  files = h.deps.storage as FileStorage
})

const upload = async (app: ReturnType<typeof createApp>, productId: string) => {
  const form = new FormData()
  form.set('file', new File([await png(64, 48)], 'photo.png', { type: 'image/png' }))
  return app.handle(
    new Request(`http://localhost/api/v1/products/${productId}/images`, {
      method: 'POST',
      body: form,
      headers: h.as(h.manager),
    }),
  )
}

describe('createApp', () => {
  test('takes image uploads, which show in the product and its next read', async () => {
    const product = await h.product()
    expect((await h.call('GET', `/api/v1/products/${product.id}`)).body.images).toEqual([])
    const res = await upload(h.app, product.id)
    expect(res.status).toBe(201)
    const image = await res.json()
    const read = await h.call('GET', `/api/v1/products/${product.id}`)
    expect(read.body.images.map((i: { id: string }) => i.id)).toEqual([image.id])
  })

  test('serves the stored files at /media/* when given the file storage', async () => {
    const app = createApp(h.deps, { files })
    const product = await h.product()
    const image = await (await upload(app, product.id)).json()
    const path = new URL(image.urls.thumbnail).pathname
    expect(path.startsWith('/media/')).toBe(true)
    const file = await app.handle(new Request(`http://localhost${path}`))
    expect(file.status).toBe(200)
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0)
  })

  test('serves no /media/* without it (the bucket or its CDN serves media then)', async () => {
    const product = await h.product()
    const image = await (await upload(h.app, product.id)).json()
    const path = new URL(image.urls.thumbnail).pathname
    expect((await h.app.handle(new Request(`http://localhost${path}`))).status).toBe(404)
  })
})
