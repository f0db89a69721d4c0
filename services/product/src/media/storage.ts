/** Where image bytes live: the local filesystem (embedded) or any S3-compatible bucket. */
export interface MediaStorage {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>
  get(key: string): Promise<{ body: Uint8Array; contentType: string } | null>
  delete(keys: string[]): Promise<void>
  /** The public URL of a stored object. */
  url(key: string): string
  /** A URL the client can PUT the bytes to directly, or null when the storage cannot presign (filesystem). */
  presignUpload(key: string, contentType: string, maxBytes: number, expiresInSeconds: number): Promise<string | null>
}
