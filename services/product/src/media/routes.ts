import { stat } from 'node:fs/promises'
import { AppError } from '@myshop/errors'
import { authGuard, errorResponses, problemSchema } from '@myshop/http'
import { Elysia, t } from 'elysia'
import type { OpenAPIV3 } from 'openapi-types'
import type { ProductDeps } from '../deps.ts'
import type { FileStorage } from './fs-storage.ts'
import { acceptedImageTypes } from './images.ts'
import {
  confirmBodySchema,
  imageParamsSchema,
  presignBodySchema,
  presignedUploadSchema,
  productImageSchema,
  productParamsSchema,
} from './schemas.ts'
import {
  addImage,
  assertProductExists,
  confirmUpload,
  deleteImage,
  type MediaDeps,
  type MediaHooks,
  presignUpload,
} from './service.ts'

/** Room for the multipart boundary and part headers around the file itself. */
export const multipartOverheadBytes = 16 * 1024

/** The request body limit the app must allow (`createHttpApp({ maxBodyBytes })`) for image uploads to reach us. */
export const mediaBodyLimit = (settings: ProductDeps['settings']): number =>
  settings.maxImageBytes + multipartOverheadBytes

const tooLarge = (limit: number) =>
  new AppError('payload_too_large', { detail: `Images are limited to ${limit} bytes` })

// Reads the body up to `limit` bytes and stops there, so a client that lies about (or omits) Content-Length
// cannot make the service buffer more than one image's worth.
const readBody = async (
  request: Request,
  limit: number,
  maxImageBytes: number,
): Promise<Uint8Array<ArrayBuffer>> => {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(maxImageBytes)
  if (!request.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => {})
      throw tooLarge(maxImageBytes)
    }
    chunks.push(value)
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    body.set(c, offset)
    offset += c.byteLength
  }
  return body
}

const uploadedFile = async (request: Request, maxImageBytes: number): Promise<Uint8Array<ArrayBuffer>> => {
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data\s*;/i.test(contentType))
    throw new AppError('unsupported_media_type', {
      detail: 'Send the image as multipart/form-data, in the field "file"',
    })
  const body = await readBody(request, maxImageBytes + multipartOverheadBytes, maxImageBytes)
  let form: FormData
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData()
  } catch (cause) {
    throw new AppError('bad_request', { detail: 'The multipart body could not be parsed', cause })
  }
  const file = form.get('file')
  if (!(file instanceof Blob))
    throw new AppError('validation_failed', {
      errors: [{ path: '/file', message: 'an image file is required' }],
    })
  if (file.size > maxImageBytes) throw tooLarge(maxImageBytes)
  return new Uint8Array(await file.arrayBuffer())
}

/**
 * Image management for catalog editors: direct multipart uploads, presigned uploads straight to the bucket
 * (S3 only) and their confirmation, and deletion. `hooks` let the product core write `product.updated` and
 * invalidate caches.
 */
export const mediaRoutes = (deps: MediaDeps & Pick<ProductDeps, 'verifier'>, hooks: MediaHooks = {}) =>
  new Elysia({ prefix: '/api/v1/products', tags: ['images'] })
    .use(authGuard(deps.verifier))
    .post(
      '/:id/images',
      async ({ params, request, set }) => {
        // Before reading the body: an unknown product costs the client a 404, not an upload.
        await assertProductExists(deps, params.id)
        const bytes = await uploadedFile(request, deps.settings.maxImageBytes)
        const image = await addImage(deps, params.id, bytes, hooks)
        set.status = 201
        return image
      },
      {
        auth: 'catalog:write',
        // The body is read by the handler, under a byte limit, rather than parsed up front.
        parse: 'none',
        params: productParamsSchema,
        response: { 201: productImageSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
        detail: {
          operationId: 'uploadProductImage',
          summary: 'Upload an image (multipart field "file")',
          description: `Accepted: ${acceptedImageTypes.join(', ')}, sniffed from the bytes. Metadata (EXIF, GPS) is removed.`,
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['file'],
                  properties: { file: { type: 'string', format: 'binary' } },
                },
              },
            },
          },
        },
      },
    )
    .post(
      '/:id/images/presign',
      async ({ params, body, set }) => {
        const upload = await presignUpload(deps, params.id, body.contentType, body.size)
        set.status = 201
        return { ...upload, confirmUrl: `/api/v1/products/${params.id}/images/confirm` }
      },
      {
        auth: 'catalog:write',
        params: productParamsSchema,
        body: presignBodySchema,
        response: {
          201: presignedUploadSchema,
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
        },
        detail: {
          operationId: 'presignProductImage',
          summary: 'A URL to PUT an image straight to the bucket (S3 storage only; 409 otherwise)',
        },
      },
    )
    .post(
      '/:id/images/confirm',
      async ({ params, body, set }) => {
        const image = await confirmUpload(deps, params.id, body.key, hooks)
        set.status = 201
        return image
      },
      {
        auth: 'catalog:write',
        params: productParamsSchema,
        body: confirmBodySchema,
        response: { 201: productImageSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
        detail: {
          operationId: 'confirmProductImage',
          summary: 'Turn a presigned upload into an image; it is checked like a direct upload',
        },
      },
    )
    .delete(
      '/:id/images/:imageId',
      async ({ params, set }) => {
        await deleteImage(deps, params.id, params.imageId, hooks)
        set.status = 204
      },
      {
        auth: 'catalog:write',
        params: imageParamsSchema,
        response: { 204: t.Void(), ...errorResponses(401, 403, 404, 422) },
        detail: { operationId: 'deleteProductImage', summary: 'Delete an image and its renditions' },
      },
    )

/** Every object key embeds a fresh image id, so its bytes never change. */
const immutable = 'public, max-age=31536000, immutable'

/** Serves the filesystem storage at `/media/*` (the S3 storage is served by the bucket or its CDN). */
export const mediaFileRoutes = (storage: FileStorage) =>
  new Elysia({ name: 'myshop-media-files' }).get(
    '/media/*',
    async ({ params, request }) => {
      const key = params['*']
      const path = storage.pathOf(key)
      const missing = new AppError('not_found', { detail: 'No such media file' })
      if (!path) throw missing
      let info: Awaited<ReturnType<typeof stat>>
      try {
        info = await stat(path)
      } catch {
        throw missing
      }
      if (!info.isFile()) throw missing
      const etag = `"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`
      const headers = {
        'content-type': storage.contentTypeOf(key),
        'cache-control': immutable,
        etag,
        'last-modified': info.mtime.toUTCString(),
      }
      const ifNoneMatch = request.headers.get('if-none-match')
      if (ifNoneMatch?.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`))
        return new Response(null, { status: 304, headers })
      return new Response(Bun.file(path), { headers: { ...headers, 'content-length': String(info.size) } })
    },
    {
      detail: {
        operationId: 'getMediaFile',
        summary: 'A stored image rendition',
        tags: ['images'],
        // Documented rather than validated: the handler streams the file itself.
        responses: {
          200: {
            description: 'The file, immutable (its key embeds a fresh image id)',
            content: { 'image/*': { schema: { type: 'string', format: 'binary' } } },
          },
          304: { description: 'Not modified (If-None-Match)' },
          404: {
            description: 'No such media file',
            content: { 'application/problem+json': { schema: problemSchema as OpenAPIV3.SchemaObject } },
          },
        },
      },
    },
  )
