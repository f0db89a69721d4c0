import { describe, expect, test } from 'bun:test'
import { defaultMediaPublicUrl } from '../src/platform.ts'

describe('media URLs under myshop start', () => {
  test('point at the gateway, the door shoppers come in by, unless told otherwise', () => {
    expect(defaultMediaPublicUrl({})).toBe('http://localhost:8080/media')
    expect(defaultMediaPublicUrl({ GATEWAY_PORT: '9000' })).toBe('http://localhost:9000/media')
  })

  test('an explicit MEDIA_PUBLIC_URL, S3 storage or a gateway port picked at boot leave the service its own', () => {
    expect(defaultMediaPublicUrl({ MEDIA_PUBLIC_URL: 'https://cdn.example.com/media' })).toBeUndefined()
    expect(defaultMediaPublicUrl({ S3_BUCKET: 'shop-media' })).toBeUndefined()
    expect(defaultMediaPublicUrl({ GATEWAY_PORT: '0' })).toBeUndefined()
  })
})
