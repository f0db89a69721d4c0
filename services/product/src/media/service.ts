import type { Tx } from '@myshop/db'
import { AppError } from '@myshop/errors'
import { newId } from '@myshop/ids'
import type { ProductDeps } from '../deps.ts'
import type { ProductImage } from '../products/model.ts'
import { extensionFor, isAcceptedImageType, type ProcessedImage, processImage } from './images.ts'
import type { ImageKeys, ImageRecord } from './repository.ts'
import * as images from './repository.ts'
import type { MediaStorage } from './storage.ts'

/** What the media feature needs from the service's dependencies. */
export type MediaDeps = Pick<ProductDeps, 'sql' | 'storage' | 'settings' | 'logger' | 'now'>

export interface ImagesChange {
  kind: 'image.added' | 'image.deleted'
  productId: string
  image: ProductImage
}

/**
 * Lets the product core react to image changes without this feature knowing about caches or events:
 * `inTransaction` runs in the transaction that writes the row (write an outbox event there), `afterCommit`
 * once it is committed (invalidate caches there).
 */
export interface MediaHooks {
  inTransaction?: (tx: Tx, change: ImagesChange) => Promise<void>
  afterCommit?: (change: ImagesChange) => void | Promise<void>
}

export interface PresignedUpload {
  uploadUrl: string
  /** Pass back to confirm the upload. */
  key: string
  expiresIn: number
  /** Headers the PUT must carry exactly (they are signed). */
  headers: { 'content-type': string }
}

/** How long a presigned upload URL stays valid, in seconds. */
export const presignExpiresInSeconds = 900

const productIdPattern = /^prd_[0-9A-HJKMNP-TV-Z]{26}$/
const uploadKeyPattern =
  /^uploads\/(prd_[0-9A-HJKMNP-TV-Z]{26})\/img_[0-9A-HJKMNP-TV-Z]{26}\.(jpg|png|webp|avif|gif)$/

/** The public URLs of an image's renditions. */
export const toProductImage = (storage: MediaStorage, row: ImageRecord): ProductImage => ({
  id: row.id,
  contentType: row.contentType,
  width: row.width,
  height: row.height,
  position: row.position,
  urls: {
    original: storage.url(row.keys.original),
    medium: storage.url(row.keys.medium),
    thumbnail: storage.url(row.keys.thumbnail),
  },
})

/**
 * Storage layout: `products/<productId>/<imageId>/original.<ext>`, `…/medium.webp`, `…/thumbnail.webp`. Every
 * image gets a fresh id, so an object is never overwritten and can be cached forever.
 */
export const imageKeys = (productId: string, imageId: string, ext: string): ImageKeys => {
  const base = `products/${productId}/${imageId}`
  return {
    original: `${base}/original.${ext}`,
    medium: `${base}/medium.webp`,
    thumbnail: `${base}/thumbnail.webp`,
  }
}

const notFound = (productId: string) => new AppError('not_found', { detail: `No product ${productId}` })

const assertProduct = async ({ sql }: MediaDeps, productId: string) => {
  if (!productIdPattern.test(productId) || !(await images.productExists(sql, productId)))
    throw notFound(productId)
}

/** Throws `not_found` unless the product exists; cheap enough to call before accepting an upload's bytes. */
export const assertProductExists = assertProduct

// Deleting is cleanup after the fact: a failure leaves an orphan object (logged), never a broken image.
const discard = async (deps: MediaDeps, keys: string[], why: string) => {
  try {
    await deps.storage.delete(keys)
  } catch (err) {
    deps.logger.warn({ err, keys }, `could not delete media objects (${why})`)
  }
}

// Store the renditions, then write the row; a failure at any step removes what was stored, so there is
// never a row without its objects (orphan objects are the only possible leftover, if the delete fails too).
const storeAndRecord = async (
  deps: MediaDeps,
  productId: string,
  processed: ProcessedImage,
  hooks: MediaHooks,
): Promise<ProductImage> => {
  const id = newId('img', deps.now())
  const keys = imageKeys(productId, id, extensionFor[processed.contentType])
  const all = [keys.original, keys.medium, keys.thumbnail]
  const { renditions } = processed
  let change: ImagesChange
  try {
    // allSettled, not all: cleanup must wait for every write, or a late one would outlive the delete.
    const puts = await Promise.allSettled([
      deps.storage.put(keys.original, renditions.original.data, renditions.original.contentType),
      deps.storage.put(keys.medium, renditions.medium.data, renditions.medium.contentType),
      deps.storage.put(keys.thumbnail, renditions.thumbnail.data, renditions.thumbnail.contentType),
    ])
    const failed = puts.find((p) => p.status === 'rejected')
    if (failed) throw failed.reason
    change = await deps.sql.begin(async (tx) => {
      // Locks the product: concurrent uploads take consecutive positions, and a product deleted meanwhile is a 404.
      if (!(await images.productExists(tx, productId, true))) throw notFound(productId)
      const row = await images.insert(tx, {
        id,
        productId,
        contentType: processed.contentType,
        width: processed.width,
        height: processed.height,
        bytes: processed.bytes,
        keys,
        position: await images.nextPosition(tx, productId),
      })
      const change: ImagesChange = {
        kind: 'image.added',
        productId,
        image: toProductImage(deps.storage, row),
      }
      await hooks.inTransaction?.(tx, change)
      return change
    })
  } catch (e) {
    await discard(deps, all, 'image not recorded')
    throw e
  }
  await hooks.afterCommit?.(change)
  return change.image
}

/** Adds an image to a product from uploaded bytes: checks and processes them, stores the renditions, records the row. */
export const addImage = async (
  deps: MediaDeps,
  productId: string,
  bytes: Uint8Array,
  hooks: MediaHooks = {},
): Promise<ProductImage> => {
  await assertProduct(deps, productId)
  const processed = await processImage(bytes, { maxBytes: deps.settings.maxImageBytes })
  return storeAndRecord(deps, productId, processed, hooks)
}

/**
 * A URL to upload an image straight to the bucket, bypassing the service; confirm it with `confirmUpload`.
 * The declared type and size are checked now and signed into the URL; the bytes are checked again on confirm.
 */
export const presignUpload = async (
  deps: MediaDeps,
  productId: string,
  contentType: string,
  size: number,
): Promise<PresignedUpload> => {
  await assertProduct(deps, productId)
  if (!isAcceptedImageType(contentType))
    throw new AppError('unsupported_media_type', { detail: `${contentType} is not an accepted image type` })
  if (!Number.isInteger(size) || size < 1)
    throw new AppError('validation_failed', {
      errors: [{ path: '/size', message: 'must be a positive integer' }],
    })
  if (size > deps.settings.maxImageBytes)
    throw new AppError('payload_too_large', {
      detail: `Images are limited to ${deps.settings.maxImageBytes} bytes`,
    })
  // Raw uploads live apart from the renditions so a bucket lifecycle rule can expire abandoned ones.
  const key = `uploads/${productId}/${newId('img', deps.now())}.${extensionFor[contentType]}`
  const uploadUrl = await deps.storage.presignUpload(key, contentType, size, presignExpiresInSeconds)
  if (uploadUrl === null)
    throw new AppError('conflict', {
      detail:
        'This deployment stores media on its own filesystem and cannot presign uploads; POST the file to /images',
    })
  return { uploadUrl, key, expiresIn: presignExpiresInSeconds, headers: { 'content-type': contentType } }
}

/** Turns a presigned upload into an image: the uploaded object goes through the same checks as a direct upload. */
export const confirmUpload = async (
  deps: MediaDeps,
  productId: string,
  key: string,
  hooks: MediaHooks = {},
): Promise<ProductImage> => {
  const match = uploadKeyPattern.exec(key)
  if (!match || match[1] !== productId)
    throw new AppError('validation_failed', {
      errors: [{ path: '/key', message: 'must be a key returned by presign for this product' }],
    })
  await assertProduct(deps, productId)
  const upload = await deps.storage.get(key)
  if (!upload)
    throw new AppError('not_found', {
      detail: 'Nothing was uploaded under this key, or it was already confirmed',
    })
  let processed: ProcessedImage
  try {
    processed = await processImage(upload.body, { maxBytes: deps.settings.maxImageBytes })
  } catch (e) {
    await discard(deps, [key], 'upload refused')
    throw e
  }
  const image = await storeAndRecord(deps, productId, processed, hooks)
  await discard(deps, [key], 'upload confirmed')
  return image
}

/** Removes an image's row, then its objects. */
export const deleteImage = async (
  deps: MediaDeps,
  productId: string,
  imageId: string,
  hooks: MediaHooks = {},
): Promise<void> => {
  const change = await deps.sql.begin(async (tx) => {
    const row = await images.remove(tx, productId, imageId)
    if (!row) throw new AppError('not_found', { detail: `Product ${productId} has no image ${imageId}` })
    const change: ImagesChange = {
      kind: 'image.deleted',
      productId,
      image: toProductImage(deps.storage, row),
    }
    await hooks.inTransaction?.(tx, change)
    return { change, keys: row.keys }
  })
  await discard(deps, [change.keys.original, change.keys.medium, change.keys.thumbnail], 'image deleted')
  await hooks.afterCommit?.(change.change)
}

/** A product's images in display order. */
export const listImages = async (deps: MediaDeps, productId: string): Promise<ProductImage[]> =>
  (await images.listByProduct(deps.sql, productId)).map((row) => toProductImage(deps.storage, row))
