import {
  docsContentSecurityPolicy,
  type ReferenceAssetReader,
  referenceAssets,
  referencePage,
} from '@myshop/api-reference'
import { AppError } from '@myshop/errors'
import { Elysia } from 'elysia'

export interface ReferenceDocsOptions {
  title: string
  /** The reference UI's files; without them `/docs` answers 503. */
  read: ReferenceAssetReader | undefined
  /** The headers every response of the service carries. */
  headers: Record<string, string>
}

/**
 * A service's own `/docs` and `/docs/assets/*`, the same reference UI as the gateway's and served the same way: from
 * the installed package, with no other origin, under the same policy.
 */
export const referenceDocs = ({ title, read, headers }: ReferenceDocsOptions) => {
  const page = referencePage(title)
  const assets = referenceAssets(read)
  const docsHeaders = { ...headers, 'content-security-policy': docsContentSecurityPolicy }
  const missing = () =>
    new AppError('unavailable', { detail: 'The API reference is not installed with this service.' })
  return new Elysia({ name: 'myshop-reference-docs', seed: title })
    .get(
      '/docs',
      () => {
        if (!read) throw missing()
        return new Response(page, {
          headers: {
            ...docsHeaders,
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-cache',
          },
        })
      },
      { detail: { hide: true } },
    )
    .get(
      '/docs/assets/:file',
      async ({ params, request }) => {
        const asset = await assets(params.file)
        if (asset.kind === 'unknown')
          throw new AppError('route_not_found', {
            detail: `GET ${new URL(request.url).pathname} does not exist`,
          })
        if (asset.kind === 'unavailable') throw missing()
        return new Response(asset.body, { headers: { ...docsHeaders, ...asset.headers } })
      },
      { detail: { hide: true } },
    )
}
