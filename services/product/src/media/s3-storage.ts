import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { assertValidKey, joinUrl, type MediaStorage } from './storage.ts'

export interface S3StorageOptions {
  client: S3Client
  bucket: string
  /** Where the bucket is publicly readable (a CDN or the bucket's own URL), e.g. `https://media.myshop.dev`. */
  publicBaseUrl: string
}

export interface S3ClientOptions {
  region: string
  /** An S3-compatible endpoint (MinIO, R2, s3rver…); unset for AWS. Path-style addressing is used when set. */
  endpoint?: string
  accessKeyId?: string
  secretAccessKey?: string
}

/** Every key embeds a fresh image id, so an object never changes once written. */
const immutable = 'public, max-age=31536000, immutable'

const checksumParam = /^x-amz-(checksum-|sdk-checksum-algorithm)/i

/** An S3 client for AWS or any S3-compatible endpoint. */
export const createS3Client = ({
  region,
  endpoint,
  accessKeyId,
  secretAccessKey,
}: S3ClientOptions): S3Client =>
  new S3Client({
    region,
    ...(endpoint && { endpoint, forcePathStyle: true }),
    ...(accessKeyId && secretAccessKey && { credentials: { accessKeyId, secretAccessKey } }),
    // SDK default since 3.729 adds a CRC32 of the (empty) body to presigned PUT URLs, which S3 then enforces.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })

const isNoSuchKey = (e: unknown) =>
  e instanceof NoSuchKey || (e instanceof S3ServiceException && e.$metadata.httpStatusCode === 404)

/** Media storage in an S3-compatible bucket; uploads can go straight to the bucket with a presigned PUT. */
export const s3Storage = ({
  client,
  bucket,
  publicBaseUrl,
}: S3StorageOptions): MediaStorage & { kind: 's3' } => ({
  kind: 's3',
  async put(key, body, contentType) {
    assertValidKey(key)
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentLength: body.byteLength,
        CacheControl: immutable,
      }),
    )
  },
  async get(key) {
    assertValidKey(key)
    try {
      const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      if (!res.Body) return null
      return {
        body: await res.Body.transformToByteArray(),
        contentType: res.ContentType ?? 'application/octet-stream',
      }
    } catch (e) {
      if (isNoSuchKey(e)) return null
      throw e
    }
  },
  async delete(keys) {
    keys.forEach(assertValidKey)
    // DeleteObjects takes at most 1000 keys per call; missing keys count as deleted.
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000)
      const res = await client.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      )
      const failed = res.Errors ?? []
      if (failed.length > 0)
        throw new Error(
          `could not delete ${failed.map((f) => `${f.Key} (${f.Code})`).join(', ')} from ${bucket}`,
        )
    }
  },
  url: (key) => joinUrl(publicBaseUrl, key),
  async presignUpload(key, contentType, contentLength, expiresInSeconds) {
    assertValidKey(key)
    const command = new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      ContentType: contentType,
      ContentLength: contentLength,
    })
    // A client built without `createS3Client` would sign a checksum of the empty body; drop it so the
    // browser's PUT is checked against the signed length and type only.
    command.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers?: Record<string, string>; query?: Record<string, unknown> }
        for (const bag of [request.headers, request.query])
          for (const name of Object.keys(bag ?? {})) if (checksumParam.test(name)) delete bag?.[name]
        return next(args)
      },
      { step: 'build', priority: 'low', name: 'myshopNoPresignedChecksum' },
    )
    return getSignedUrl(client, command, {
      expiresIn: expiresInSeconds,
      // Signed, so the PUT must carry exactly this type and length.
      signableHeaders: new Set(['content-type', 'content-length']),
    })
  },
})
