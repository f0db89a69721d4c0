// The product dimension's reads of the product service's public API: what it keeps of a product, and null (never a
// failure) when the service is missing the product, answers an error, or is down.
import { expect, test } from 'bun:test'
import { silentLogger } from '@myshop/logger'
import { httpProductDirectory } from '../src/clients/product-directory.ts'

const product = {
  id: 'prd_lamp',
  name: 'Desk lamp',
  brand: 'Lumen',
  categories: [
    { id: 'cat_lights', name: 'Lights' },
    { id: 'cat_desk', name: 'Desk' },
  ],
  variants: [{ sku: 'LAMP-1' }, { sku: 'LAMP-2' }],
}

const standIn = () =>
  Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch(request) {
      const path = new URL(request.url).pathname
      if (path === '/api/v1/products/prd_lamp') return Response.json(product)
      if (path === '/api/v1/categories/cat_lights') return Response.json({ id: 'cat_lights', name: 'Lights' })
      if (path === '/api/v1/products/prd_broken') return new Response('no', { status: 500 })
      return new Response(null, { status: 404 })
    },
  })

test('keeps a product’s name, brand, first category and SKUs, and reads a category’s name', async () => {
  const server = standIn()
  const directory = httpProductDirectory({
    baseUrl: `http://127.0.0.1:${server.port}/`,
    timeoutMs: 1_000,
    logger: silentLogger(),
  })
  try {
    expect(await directory.product('prd_lamp')).toEqual({
      productId: 'prd_lamp',
      name: 'Desk lamp',
      brand: 'Lumen',
      category: { id: 'cat_lights', name: 'Lights' },
      skus: ['LAMP-1', 'LAMP-2'],
    })
    expect(await directory.categoryName('cat_lights')).toBe('Lights')
    expect(await directory.product('prd_missing')).toBeNull()
    expect(await directory.product('prd_broken')).toBeNull()
  } finally {
    server.stop(true)
  }
})

test('the product service down: null at once, no failure', async () => {
  const server = standIn()
  const url = `http://127.0.0.1:${server.port}`
  server.stop(true)
  const directory = httpProductDirectory({ baseUrl: url, timeoutMs: 1_000, logger: silentLogger() })
  expect(await directory.product('prd_lamp')).toBeNull()
  expect(await directory.categoryName('cat_lights')).toBeNull()
})
