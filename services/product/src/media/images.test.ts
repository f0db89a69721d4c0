import { describe, expect, test } from 'bun:test'
import { deflateSync } from 'node:zlib'
import { AppError } from '@myshop/errors'
import sharp from 'sharp'
import { processImage } from './images.ts'

const maxBytes = 2 * 1024 * 1024

/** A JPEG carrying EXIF with a GPS position and a camera make, and an orientation that rotates it. */
export const photoWithGps = (width = 1200, height = 900) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Secret 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 29/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 40/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
    .then((b) => new Uint8Array(b))

export const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 0, g: 120, b: 255, alpha: 0.5 } } })
    .png()
    .toBuffer()
    .then((b) => new Uint8Array(b))

const crc32 = (bytes: Uint8Array) => Bun.hash.crc32(bytes) >>> 0

const chunk = (type: string, data: Uint8Array) => {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(new TextEncoder().encode(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** A valid-looking PNG of a few hundred bytes whose header declares `width`×`height` pixels. */
export const pngBomb = (width: number, height: number) => {
  const ihdr = new Uint8Array(13)
  const view = new DataView(ihdr.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  ihdr.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale
  // One row of zeros, repeated: deflates to almost nothing whatever the size.
  const rows = deflateSync(new Uint8Array((width + 1) * Math.min(height, 64)))
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(rows)),
    chunk('IEND', new Uint8Array()),
  ]
  return new Uint8Array(Buffer.concat(parts))
}

const rejection = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

describe('processImage', () => {
  test('a PNG gives a lossless PNG original and WebP renditions of the right sizes', async () => {
    const out = await processImage(await png(1600, 1000), { maxBytes })
    expect(out.contentType).toBe('image/png')
    expect([out.width, out.height]).toEqual([1600, 1000])
    expect(out.bytes).toBe(out.renditions.original.data.byteLength)
    const original = await sharp(out.renditions.original.data).metadata()
    expect([original.format, original.width, original.height]).toEqual(['png', 1600, 1000])
    const medium = await sharp(out.renditions.medium.data).metadata()
    expect([medium.format, medium.width, medium.height]).toEqual(['webp', 800, 500])
    const thumbnail = await sharp(out.renditions.thumbnail.data).metadata()
    expect([thumbnail.format, thumbnail.width, thumbnail.height]).toEqual(['webp', 200, 200])
    expect(out.renditions.medium.contentType).toBe('image/webp')
    expect(out.renditions.thumbnail.contentType).toBe('image/webp')
  })

  test('a JPEG loses its EXIF (GPS, camera) in every rendition and is turned upright', async () => {
    const input = await photoWithGps(1200, 900)
    const before = await sharp(input).metadata()
    expect(before.exif).toBeDefined()
    expect(before.orientation).toBe(6)

    const out = await processImage(input, { maxBytes })
    expect(out.contentType).toBe('image/jpeg')
    // Orientation 6 is a quarter turn: the stored image is portrait.
    expect([out.width, out.height]).toEqual([900, 1200])
    for (const r of Object.values(out.renditions)) {
      const meta = await sharp(r.data).metadata()
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.iptc).toBeUndefined()
      expect(meta.orientation).toBeUndefined()
      expect(Buffer.from(r.data).includes('TestCam')).toBe(false)
    }
    const medium = await sharp(out.renditions.medium.data).metadata()
    expect([medium.width, medium.height]).toEqual([600, 800])
  })

  test('small images are not enlarged for medium, but the thumbnail is always 200×200', async () => {
    const out = await processImage(await png(120, 60), { maxBytes })
    const medium = await sharp(out.renditions.medium.data).metadata()
    expect([medium.width, medium.height]).toEqual([120, 60])
    const thumbnail = await sharp(out.renditions.thumbnail.data).metadata()
    expect([thumbnail.width, thumbnail.height]).toEqual([200, 200])
  })

  test('WebP, AVIF and GIF uploads keep their format for the original', async () => {
    const base = sharp({ create: { width: 64, height: 48, channels: 3, background: '#0a0' } })
    for (const [type, bytes] of [
      ['image/webp', await base.clone().webp().toBuffer()],
      ['image/avif', await base.clone().avif().toBuffer()],
      ['image/gif', await base.clone().gif().toBuffer()],
    ] as const) {
      const out = await processImage(new Uint8Array(bytes), { maxBytes })
      expect(out.contentType).toBe(type)
      expect(out.renditions.original.contentType).toBe(type)
      expect([out.width, out.height]).toEqual([64, 48])
    }
  })

  test('refuses a file over the limit before looking at it', async () => {
    const e = await rejection(processImage(new Uint8Array(101), { maxBytes: 100 }))
    expect(e.code).toBe('payload_too_large')
  })

  test('sniffs the type from the bytes: text, SVG, PDF and TIFF are refused with 415', async () => {
    const tiff = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
        .tiff()
        .toBuffer(),
    )
    for (const bytes of [
      new TextEncoder().encode('definitely not a png\n'),
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'),
      tiff,
      new Uint8Array(),
    ]) {
      const e = await rejection(processImage(bytes, { maxBytes }))
      expect(e.code).toBe('unsupported_media_type')
      expect(e.status).toBe(415)
    }
  })

  test('a PNG signature on corrupt data is refused with 415', async () => {
    const real = await png(50, 50)
    const broken = real.slice(0, 60) // signature and IHDR intact, the pixels cut off
    const e = await rejection(processImage(broken, { maxBytes }))
    expect(e.code).toBe('unsupported_media_type')
  })

  test('a decompression bomb (a tiny PNG declaring 20000×20000) is refused from its header', async () => {
    const bomb = pngBomb(20_000, 20_000)
    expect(bomb.byteLength).toBeLessThan(10_000)
    const started = performance.now()
    const e = await rejection(processImage(bomb, { maxBytes }))
    expect(e.status).toBe(422)
    expect(e.detail).toContain('20000×20000')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  test('an image within the side limit but over the pixel budget is refused', async () => {
    const e = await rejection(processImage(pngBomb(9000, 9000), { maxBytes }))
    expect(e.status).toBe(422)
    const small = await rejection(processImage(await png(100, 100), { maxBytes, maxPixels: 5000 }))
    expect(small.status).toBe(422)
  })
})
