import { fileURLToPath } from 'node:url'
import { type Db, migrate } from '@myshop/db'
import { type OwnTestDatabase, openTestDatabase } from '@myshop/testing'

export const catalogMigrations = fileURLToPath(new URL('../../../db/migrations/product', import.meta.url))

export interface CategorySeed {
  id: string
  parentId: string | null
  name: string
}

/** A three-level tree; `path` is derived from the names as the service keeps it. */
export const categoryTree: CategorySeed[] = [
  { id: 'cat_electronics', parentId: null, name: 'Electronics' },
  { id: 'cat_phones', parentId: 'cat_electronics', name: 'Phones' },
  { id: 'cat_smartphones', parentId: 'cat_phones', name: 'Smartphones' },
  { id: 'cat_phone_acc', parentId: 'cat_phones', name: 'Phone Accessories' },
  { id: 'cat_computers', parentId: 'cat_electronics', name: 'Computers' },
  { id: 'cat_laptops', parentId: 'cat_computers', name: 'Laptops' },
  { id: 'cat_tablets', parentId: 'cat_computers', name: 'Tablets' },
  { id: 'cat_tv', parentId: 'cat_electronics', name: 'TV & Audio' },
  { id: 'cat_home', parentId: null, name: 'Home' },
  { id: 'cat_kitchen', parentId: 'cat_home', name: 'Kitchen' },
  { id: 'cat_lighting', parentId: 'cat_home', name: 'Lighting' },
  { id: 'cat_sports', parentId: null, name: 'Sports' },
]

export const pathOf = (id: string): string => {
  const byId = new Map(categoryTree.map((c) => [c.id, c]))
  const names: string[] = []
  for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name)
  return names.join(' > ')
}

export interface ProductSeed {
  id: string
  name: string
  description?: string
  brand?: string | null
  status?: 'draft' | 'active' | 'archived'
  price?: number | null
  categories?: string[]
  createdAt?: Date
  /** Each variant's option values; a product without any has no variant rows. */
  variants?: Record<string, string>[]
}

let seq = 0
/** Sortable, unique product ids. */
export const productId = (label = 'p'): string => `prd_${label}_${String(++seq).padStart(5, '0')}`

export const insertProducts = async (sql: Db, products: ProductSeed[]): Promise<void> => {
  if (products.length === 0) return
  const rows = products.map((p) => ({
    id: p.id,
    slug: `${p.id}-${p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    name: p.name,
    description: p.description ?? '',
    brand: p.brand ?? null,
    status: p.status ?? 'active',
    min_price_amount: p.price === undefined ? 1999 : p.price,
    currency: p.price === null ? null : 'EUR',
    created_at: p.createdAt ?? new Date(),
  }))
  await sql`insert into catalog.products ${sql(rows)}`
  const links = products.flatMap((p) =>
    (p.categories ?? []).map((c) => ({ product_id: p.id, category_id: c })),
  )
  if (links.length > 0) await sql`insert into catalog.product_categories ${sql(links)}`
  const variants = products.flatMap((p) =>
    (p.variants ?? []).map((options, i) => ({
      id: `${p.id}_v${i}`,
      product_id: p.id,
      sku: `${p.id}-${i}`,
      options,
      price_amount: p.price ?? 0,
      currency: 'EUR',
      position: i,
    })),
  )
  if (variants.length > 0) await sql`insert into catalog.variants ${sql(variants)}`
}

/**
 * Option values by leaf category, for some generated products' variants. Spellings differ in case and accents on
 * purpose ("Navy" and "navy", "Crème" and "Creme"): filters and facets fold them together.
 */
const fillerOptions: Record<string, Record<string, string[]>> = {
  cat_smartphones: { Storage: ['128 GB', '256 GB', '512 GB'], Colour: ['Black', 'Navy', 'navy', 'Crème'] },
  cat_laptops: { Memory: ['16 GB', '32 GB'], Colour: ['Silver', 'Black'] },
  cat_tv: { Colour: ['Black', 'White', 'Creme'] },
  cat_sports: { Size: ['40', '41', '42', '43', 'M', 'L'], Colour: ['Navy', 'Red', 'Black'] },
  cat_kitchen: { Colour: ['Red', 'Crème', 'Black'] },
}

/** Mulberry32: the same "random" catalog on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const fillerBrands = ['Sony', 'Lenovo', 'Philips', 'Bosch', 'Nike', 'Adidas', 'Xiaomi', 'Garmin', 'Anker']
const fillerNouns: Record<string, string[]> = {
  cat_smartphones: ['Smartphone', 'Handset', 'Mobile'],
  cat_phone_acc: ['Charger', 'Cable', 'Screen Protector', 'Power Bank'],
  cat_laptops: ['Notebook', 'Ultrabook', 'Laptop'],
  cat_tablets: ['Tablet', 'Slate'],
  cat_tv: ['Television', 'Soundbar', 'Headphones', 'Speaker'],
  cat_kitchen: ['Kettle', 'Toaster', 'Blender', 'Coffee Maker'],
  cat_lighting: ['Lamp', 'Bulb', 'Light Strip'],
  cat_sports: ['Running Shoes', 'Football', 'Yoga Mat', 'Water Bottle'],
}
const adjectives = ['Compact', 'Classic', 'Premium', 'Smart', 'Ultra', 'Eco', 'Mini', 'Pro', 'Max', 'Lite']

export const baseTime = Date.parse('2024-06-01T12:00:00Z')

/** The hand-written products the relevance tests are about. */
export const known = {
  iphone15: { id: productId('known'), name: 'iPhone 15' },
  iphone15Pro: { id: productId('known'), name: 'iPhone 15 Pro' },
  iphoneCase: { id: productId('known'), name: 'Clear Case for iPhone 15' },
  galaxyS24: { id: productId('known'), name: 'Samsung Galaxy S24' },
  galaxyA55: { id: productId('known'), name: 'Samsung Galaxy A55' },
  galaxyTab: { id: productId('known'), name: 'Galaxy Tab S9' },
  samsungTv: { id: productId('known'), name: 'Samsung QLED Television' },
  galaxyProjector: { id: productId('known'), name: 'Starry Night Projector' },
  auroraLamp: { id: productId('known'), name: 'Aurora Lamp' },
  lampWithAurora: { id: productId('known'), name: 'Nordic Floor Lamp' },
  draftIphone: { id: productId('known'), name: 'iPhone 16 Prototype' },
  archivedIphone: { id: productId('known'), name: 'iPhone 12 Classic' },
  draftZephyr: { id: productId('known'), name: 'Zephyr Kettle' },
} as const

const knownProducts = (): ProductSeed[] => {
  const at = (minutes: number) => new Date(baseTime - minutes * 60_000)
  return [
    {
      ...known.iphone15,
      brand: 'Apple',
      description: 'The iPhone with Dynamic Island.',
      price: 94_900,
      categories: ['cat_smartphones'],
      createdAt: at(5),
    },
    {
      ...known.iphone15Pro,
      brand: 'Apple',
      description: 'Titanium design.',
      price: 119_900,
      categories: ['cat_smartphones'],
      createdAt: at(4),
    },
    {
      ...known.iphoneCase,
      brand: 'Spigen',
      description: 'Slim case.',
      price: 1_999,
      categories: ['cat_phone_acc'],
      createdAt: at(6),
    },
    {
      ...known.galaxyS24,
      brand: 'Samsung',
      description: 'Flagship phone.',
      price: 89_900,
      categories: ['cat_smartphones'],
      createdAt: at(7),
    },
    {
      ...known.galaxyA55,
      brand: 'Samsung',
      description: 'Mid-range phone.',
      price: 44_900,
      categories: ['cat_smartphones'],
      createdAt: at(8),
    },
    {
      ...known.galaxyTab,
      brand: 'Samsung',
      description: 'Android tablet.',
      price: 79_900,
      categories: ['cat_tablets'],
      createdAt: at(9),
    },
    {
      ...known.samsungTv,
      brand: 'Samsung',
      description: 'A 55 inch QLED screen.',
      price: 99_900,
      categories: ['cat_tv'],
      createdAt: at(10),
    },
    {
      ...known.galaxyProjector,
      brand: 'Lumo',
      description: 'Projects a galaxy of stars on your ceiling.',
      price: 2_999,
      categories: ['cat_lighting'],
      createdAt: at(11),
    },
    {
      ...known.auroraLamp,
      brand: 'Lumo',
      description: 'Warm light.',
      price: 4_999,
      categories: ['cat_lighting'],
      createdAt: at(12),
    },
    {
      ...known.lampWithAurora,
      brand: 'Lumo',
      description: 'Pairs well with the aurora range.',
      price: 8_999,
      categories: ['cat_lighting'],
      createdAt: at(13),
    },
    {
      ...known.draftIphone,
      brand: 'Apple',
      status: 'draft',
      price: 99_900,
      categories: ['cat_smartphones'],
      createdAt: at(1),
    },
    {
      ...known.archivedIphone,
      brand: 'Apple',
      status: 'archived',
      price: 49_900,
      categories: ['cat_smartphones'],
      createdAt: at(2),
    },
    {
      ...known.draftZephyr,
      brand: 'Zephyr',
      status: 'draft',
      price: 2_500,
      categories: ['cat_kitchen'],
      createdAt: at(3),
    },
  ]
}

/**
 * A realistic catalog of `size` products: the known ones plus generated products across the tree, nine
 * brands, prices from €1 to €2,000 (a few without any), roughly one in six a draft or archived, some in two
 * categories, creation times with deliberate ties.
 */
export const generatedCatalog = (size = 300, seed = 42): ProductSeed[] => {
  const rand = random(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const leafIds = Object.keys(fillerNouns)
  // Options draw from a stream of their own, so the rest of the catalog is the same with or without them.
  const optionRand = random(seed + 1)
  const variantsFor = (category: string): Record<string, string>[] | undefined => {
    const options = fillerOptions[category]
    if (!options || optionRand() < 0.4) return undefined
    const names = Object.keys(options).filter(() => optionRand() < 0.7)
    if (names.length === 0) return undefined
    return Array.from({ length: 1 + Math.floor(optionRand() * 3) }, () =>
      Object.fromEntries(names.map((n) => [n, options[n]![Math.floor(optionRand() * options[n]!.length)]!])),
    )
  }
  const products = knownProducts()
  while (products.length < size) {
    const i = products.length
    const category = pick(leafIds)
    const brand = rand() < 0.08 ? null : pick(fillerBrands)
    const noun = pick(fillerNouns[category] ?? ['Thing'])
    const roll = rand()
    products.push({
      id: productId('gen'),
      name: `${brand ?? 'Generic'} ${pick(adjectives)} ${noun} ${100 + i}`,
      description: `${pick(adjectives)} ${noun.toLowerCase()} for everyday use.`,
      brand,
      status: roll < 0.1 ? 'draft' : roll < 0.16 ? 'archived' : 'active',
      price: rand() < 0.03 ? null : 100 + Math.floor(rand() * 200_000),
      categories: rand() < 0.15 ? [category, pick(leafIds.filter((c) => c !== category))] : [category],
      // Ten-minute steps shared by pairs of products: ties for the id to break.
      createdAt: new Date(baseTime - (60 + Math.floor(i / 2) * 10) * 60_000),
      variants: variantsFor(category),
    })
  }
  return products
}

export const seedCatalog = async (sql: Db, products: ProductSeed[]): Promise<void> => {
  const categories = categoryTree.map((c) => ({
    id: c.id,
    parent_id: c.parentId,
    name: c.name,
    slug: c.id.replace('cat_', '').replace(/_/g, '-'),
    path: pathOf(c.id),
  }))
  // Parents before children, which the tree order above already is.
  await sql`insert into catalog.categories ${sql(categories)}`
  for (let i = 0; i < products.length; i += 100) await insertProducts(sql, products.slice(i, i + 100))
}

/** A database of its own with the catalog schema migrated and `products` (and the category tree) in it. */
export const openSeededCatalog = async (products: ProductSeed[]): Promise<OwnTestDatabase> => {
  const db = await openTestDatabase()
  await migrate(db.sql, 'catalog', catalogMigrations)
  await seedCatalog(db.sql, products)
  return db
}
