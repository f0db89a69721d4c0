import { describe, expect, test } from 'bun:test'
import { AppError } from '@myshop/errors'
import sharp from 'sharp'
import { photoWithGps, png, pngBomb } from '../../test/media-harness.ts'
import { processImage } from './images.ts'

const maxBytes = 2 * 1024 * 1024

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

  test('an animated GIF keeps its frames in the original; the renditions are its first frame', async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 60, height: 40, channels: 3, background: colour } })
        .raw()
        .toBuffer()
    const strip = Buffer.concat([await frame('#f00'), await frame('#00f'), await frame('#0f0')])
    const gif = await sharp(strip, { raw: { width: 60, height: 120, channels: 3, pageHeight: 40 } })
      .gif({ delay: [100, 100, 100], loop: 0 })
      .toBuffer()
    const out = await processImage(new Uint8Array(gif), { maxBytes })
    expect([out.contentType, out.width, out.height]).toEqual(['image/gif', 60, 40])
    const original = await sharp(out.renditions.original.data, { animated: true }).metadata()
    expect([original.format, original.pages, original.pageHeight]).toEqual(['gif', 3, 40])
    const thumbnail = await sharp(out.renditions.thumbnail.data).metadata()
    expect([thumbnail.format, thumbnail.width, thumbnail.height, thumbnail.pages]).toEqual([
      'webp',
      200,
      200,
      undefined,
    ])
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
