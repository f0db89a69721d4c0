import createClient, { type Client } from 'openapi-fetch'
import type { paths } from './schema.ts'

export type { components, operations, paths } from './schema.ts'

export interface MyShopClientOptions {
  /** Where MyShop's gateway answers, e.g. `https://shop.example` (paths in the document start with `/api/v1`). */
  baseUrl: string
  /** The access token to send, asked before each request; none (or `undefined`) sends none. */
  accessToken?: () => string | undefined | Promise<string | undefined>
  /** A fetch of one's own (tests, a runtime's special fetch). */
  fetch?: (request: Request) => Promise<Response>
}

export type MyShopClient = Client<paths>

/** A client of the MyShop API typed from its OpenAPI document: paths, parameters, bodies and problems. */
export const createMyShopClient = ({ baseUrl, accessToken, fetch }: MyShopClientOptions): MyShopClient => {
  const client = createClient<paths>({ baseUrl, ...(fetch && { fetch }) })
  if (accessToken)
    client.use({
      async onRequest({ request }) {
        const token = await accessToken()
        if (token) request.headers.set('authorization', `Bearer ${token}`)
        return request
      },
    })
  return client
}
