import { AppError } from '@myshop/errors'
import { fileTypeFromBuffer } from 'file-type'
import sharp, { type Metadata, type Sharp, type SharpOptions } from 'sharp'

/** The image types the catalog accepts, as sniffed from the bytes (never the client's word). */
export const acceptedImageTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
] as const
export type ImageContentType = (typeof acceptedImageTypes)[number]

export const isAcceptedImageType = (type: string): type is ImageContentType =>
  (acceptedImageTypes as readonly string[]).includes(type)

/** The file extension an image of each type is stored under. */
export const extensionFor: Record<ImageContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
}

export interface ProcessImageOptions {
  maxBytes: number
  /** Largest accepted width or height, in pixels. */
  maxDimension?: number
  /** Largest number of pixels sharp will decode (all frames of an animation count): the decompression-bomb fuse. */
  maxPixels?: number
}

export interface Rendition {
  data: Uint8Array
  contentType: string
}

export interface ProcessedImage {
  /** The sniffed type of the upload, which is also the type of the stored original. */
  contentType: ImageContentType
  /** Of the original, after applying its EXIF orientation. */
  width: number
  height: number
  /** Size of the stored original. */
  bytes: number
  renditions: { original: Rendition; medium: Rendition; thumbnail: Rendition }
}

const defaultMaxDimension = 10_000
const defaultMaxPixels = 50_000_000

const unsupported = (detail: string, cause?: unknown) =>
  new AppError('unsupported_media_type', {
    detail: `${detail}; accepted: ${acceptedImageTypes.join(', ')}`,
    ...(cause !== undefined && { cause }),
  })

// The original is re-encoded in its own format rather than stored byte for byte: that is the only
// format-independent way to drop EXIF (GPS position, camera serial), XMP and IPTC, and it also applies the EXIF
// orientation that would otherwise be lost with the metadata. PNG and GIF stay lossless; JPEG, WebP and AVIF are
// re-encoded at a high quality, a generation loss accepted for not publishing where a photo was taken.
const encodeOriginal = (image: Sharp, type: ImageContentType): Sharp => {
  switch (type) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90 })
    case 'image/png':
      return image.png()
    case 'image/webp':
      return image.webp({ quality: 90 })
    case 'image/avif':
      return image.avif({ quality: 70 })
    case 'image/gif':
      return image.gif()
  }
}

const isPixelLimit = (e: unknown) => e instanceof Error && /pixel limit/i.test(e.message)

/**
 * Checks an upload is a real image of an accepted type and a sane size, then produces the stored original
 * (metadata stripped) and the `medium` (inside 800×800) and `thumbnail` (200×200 cover) WebP renditions.
 * Throws `payload_too_large`, `unsupported_media_type` or `validation_failed`.
 */
export const processImage = async (
  bytes: Uint8Array,
  options: ProcessImageOptions,
): Promise<ProcessedImage> => {
  const { maxBytes, maxDimension = defaultMaxDimension, maxPixels = defaultMaxPixels } = options
  if (bytes.byteLength > maxBytes)
    throw new AppError('payload_too_large', { detail: `Images are limited to ${maxBytes} bytes` })
  if (bytes.byteLength === 0) throw unsupported('The file is empty')

  const sniffed = await fileTypeFromBuffer(bytes)
  if (!sniffed || !isAcceptedImageType(sniffed.mime))
    throw unsupported(sniffed ? `The file is ${sniffed.mime}` : 'The file is not a recognised image')
  const contentType = sniffed.mime

  const input = { limitInputPixels: maxPixels, failOn: 'error', autoOrient: true } satisfies SharpOptions

  // Reads the header only: dimensions are checked before a single pixel is decoded.
  let meta: Metadata
  try {
    // No pixel limit here: the limit is checked below with a clearer message, and no pixel is decoded yet.
    meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata()
  } catch (e) {
    throw unsupported('The image could not be read', e)
  }
  const frameHeight = meta.pageHeight ?? meta.height
  const frames = meta.pages ?? 1
  if (meta.width > maxDimension || frameHeight > maxDimension)
    throw new AppError('validation_failed', {
      detail: `Images are limited to ${maxDimension}×${maxDimension} pixels; this one is ${meta.width}×${frameHeight}`,
    })
  if (meta.width * frameHeight * frames > maxPixels)
    throw new AppError('validation_failed', { detail: `Images are limited to ${maxPixels} pixels` })

  try {
    const animated = contentType === 'image/gif' || contentType === 'image/webp'
    const [original, medium, thumbnail] = await Promise.all([
      encodeOriginal(sharp(bytes, { ...input, animated }), contentType).toBuffer({ resolveWithObject: true }),
      sharp(bytes, input)
        .resize(800, 800, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer(),
      sharp(bytes, input).resize(200, 200, { fit: 'cover' }).webp({ quality: 75 }).toBuffer(),
    ])
    return {
      contentType,
      width: original.info.width,
      height: original.info.pageHeight ?? original.info.height,
      bytes: original.data.byteLength,
      renditions: {
        original: { data: new Uint8Array(original.data), contentType },
        medium: { data: new Uint8Array(medium), contentType: 'image/webp' },
        thumbnail: { data: new Uint8Array(thumbnail), contentType: 'image/webp' },
      },
    }
  } catch (e) {
    if (isPixelLimit(e))
      throw new AppError('validation_failed', {
        detail: `Images are limited to ${maxPixels} pixels`,
        cause: e,
      })
    throw unsupported('The image could not be decoded', e)
  }
}
