import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { createS3Client } from '../src/media/s3-storage.ts'

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>
  close(): Promise<void>
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance

/** A temporary directory, removed when the process exits. */
export const tempDir = (label: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `myshop-${label}-`))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A real S3-compatible server (s3rver) on a free port, with the bucket created, and a client pointed at it. */
export const startS3 = async (bucket = 'media') => {
  // s3rver ships no types; a computed specifier keeps the compiler from looking for them.
  const specifier = 's3rver'
  const { default: S3rver } = (await import(specifier)) as { default: S3rverClass }
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: tempDir('s3rver'),
    configureBuckets: [{ name: bucket }],
  })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  // s3rver accepts the S3RVER/S3RVER key pair and checks presigned signatures with it.
  const client = createS3Client({
    region: 'us-east-1',
    endpoint,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  })
  return {
    endpoint,
    bucket,
    client,
    publicBaseUrl: `${endpoint}/${bucket}`,
    close: async () => {
      client.destroy()
      await server.close()
    },
  }
}

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
