import { encodeOptions, slugify } from '@myshop/catalog-format'
import type { ImportRow } from './rows.ts'

// A believable catalog from a seed: the same seed always gives the same rows, and product i depends only on
// (seed, i), so seeding more products later keeps the first ones as they were (the import upserts by SKU).

/** An option name, its values, and the share of the price each value adds over the one before. */
type Choice = [name: string, values: string[], step?: number]

type Leaf = {
  path: string
  noun: string
  /** Model names a brand's product line in this category may carry. */
  models: string[]
  /**
   * Attribute choices, each with its option name and how much each step up adds to the price ("Storage",
   * 128/256/512 GB, +15 %). The first makes the variants of some products; otherwise one of each list is
   * appended to some names ("128 GB", "Black").
   */
  attributes: Choice[]
  /** Price range in major units of EUR. */
  price: [number, number]
  features: string[]
}

const colors = ['Black', 'White', 'Graphite', 'Navy', 'Sage', 'Sand', 'Red', 'Blue']

const leaves: Leaf[] = [
  {
    path: 'Electronics > Phones',
    noun: 'smartphone',
    models: ['Galaxy', 'Nova', 'Edge', 'Pulse', 'Orbit', 'Zen'],
    attributes: [['Storage', ['128 GB', '256 GB', '512 GB'], 0.15]],
    price: [149, 1399],
    features: ['a 120 Hz OLED display', 'a triple camera', 'all-day battery life', '5G and Wi-Fi 7'],
  },
  {
    path: 'Electronics > Laptops',
    noun: 'laptop',
    models: ['Book', 'Air', 'Pro', 'Flex', 'Studio', 'Vector'],
    attributes: [
      ['Screen', ['13"', '14"', '15"', '16"'], 0.08],
      ['Memory', ['16 GB', '32 GB'], 0.2],
    ],
    price: [399, 2899],
    features: ['a backlit keyboard', 'a fanless design', 'a 2.8K display', 'Thunderbolt 4 ports'],
  },
  {
    path: 'Electronics > Tablets',
    noun: 'tablet',
    models: ['Tab', 'Slate', 'Pad', 'Canvas'],
    attributes: [['Storage', ['64 GB', '128 GB', '256 GB'], 0.15]],
    price: [129, 1199],
    features: ['pen support', 'an 11" display', 'quad speakers'],
  },
  {
    path: 'Electronics > Audio',
    noun: 'headphones',
    models: ['Buds', 'Studio', 'Wave', 'Echo', 'Quiet'],
    attributes: [['Colour', colors]],
    price: [19, 449],
    features: ['active noise cancelling', '30 hours of playback', 'multipoint Bluetooth', 'spatial audio'],
  },
  {
    path: 'Electronics > Cameras',
    noun: 'camera',
    models: ['Vision', 'Snap', 'Lens', 'Frame'],
    attributes: [['Resolution', ['24 MP', '33 MP', '45 MP'], 0.25]],
    price: [199, 3499],
    features: ['in-body stabilisation', '4K video', 'weather sealing'],
  },
  {
    path: 'Electronics > TV & Video',
    noun: 'TV',
    models: ['Vista', 'Cinema', 'Crystal', 'Neo'],
    attributes: [['Screen', ['43"', '55"', '65"', '75"'], 0.3]],
    price: [279, 3999],
    features: ['Dolby Vision', 'a 120 Hz panel', 'built-in streaming apps'],
  },
  {
    path: 'Electronics > Wearables',
    noun: 'smartwatch',
    models: ['Watch', 'Band', 'Fit', 'Active'],
    attributes: [
      ['Case', ['40 mm', '44 mm', '46 mm'], 0.05],
      ['Colour', colors],
    ],
    price: [49, 899],
    features: ['GPS', 'heart-rate tracking', 'a week of battery'],
  },
  {
    path: 'Electronics > Gaming',
    noun: 'controller',
    models: ['Arena', 'Quest', 'Rogue', 'Blitz'],
    attributes: [['Colour', colors]],
    price: [29, 599],
    features: ['hall-effect sticks', 'low-latency wireless', 'remappable buttons'],
  },
  {
    path: 'Home > Kitchen',
    noun: 'espresso machine',
    models: ['Barista', 'Crema', 'Chef', 'Brew'],
    attributes: [
      ['Capacity', ['1.2 L', '1.8 L'], 0.1],
      ['Colour', colors],
    ],
    price: [24, 1299],
    features: ['a 15 bar pump', 'a steam wand', 'a stainless steel body'],
  },
  {
    path: 'Home > Garden',
    noun: 'garden hose',
    models: ['Grow', 'Bloom', 'Terra', 'Yard'],
    attributes: [['Length', ['15 m', '25 m', '50 m'], 0.3]],
    price: [9, 699],
    features: ['UV-resistant materials', 'a frost-proof design', 'a 5-year warranty'],
  },
  {
    path: 'Home > Furniture',
    noun: 'sofa',
    models: ['Lounge', 'Haven', 'Nest', 'Loft'],
    attributes: [
      ['Seats', ['2-seater', '3-seater'], 0.25],
      ['Colour', colors],
    ],
    price: [89, 2499],
    features: ['solid oak legs', 'removable covers', 'high-resilience foam'],
  },
  {
    path: 'Home > Lighting',
    noun: 'floor lamp',
    models: ['Glow', 'Halo', 'Beam', 'Arc'],
    attributes: [['Light', ['2700 K', '3000 K']]],
    price: [19, 599],
    features: ['a dimmable LED', 'a linen shade', 'app control'],
  },
  {
    path: 'Home > Bedding',
    noun: 'duvet',
    models: ['Cloud', 'Dream', 'Drift', 'Rest'],
    attributes: [['Size', ['Single', 'Double', 'King'], 0.2]],
    price: [29, 399],
    features: ['organic cotton', 'a 300 thread count', 'all-season warmth'],
  },
  {
    path: 'Fashion > Shoes',
    noun: 'running shoe',
    models: ['Trail Runner', 'Pace', 'Glide', 'Sprint', 'Court'],
    attributes: [
      ['Size', ['EU 40', 'EU 42', 'EU 44']],
      ['Colour', colors],
    ],
    price: [39, 229],
    features: ['a recycled upper', 'responsive foam', 'a grippy outsole'],
  },
  {
    path: 'Fashion > Jackets',
    noun: 'jacket',
    models: ['Storm', 'Parka', 'Shell', 'Bomber'],
    attributes: [
      ['Size', ['S', 'M', 'L', 'XL']],
      ['Colour', colors],
    ],
    price: [49, 599],
    features: ['a waterproof membrane', 'recycled down', 'taped seams'],
  },
  {
    path: 'Fashion > Dresses',
    noun: 'dress',
    models: ['Riviera', 'Soirée', 'Meadow', 'Linen'],
    attributes: [
      ['Size', ['XS', 'S', 'M', 'L']],
      ['Colour', colors],
    ],
    price: [29, 349],
    features: ['a relaxed fit', 'pockets', 'a wrap waist'],
  },
  {
    path: 'Fashion > Jeans',
    noun: 'jeans',
    models: ['Slim', 'Straight', 'Relaxed', 'Taper'],
    attributes: [
      ['Waist', ['W30', 'W32', 'W34']],
      ['Wash', ['Indigo', 'Black', 'Stone']],
    ],
    price: [39, 189],
    features: ['organic denim', 'a stretch weave', 'rivet details'],
  },
  {
    path: 'Fashion > Accessories',
    noun: 'backpack',
    models: ['Daypack', 'Tote', 'Roll-Top', 'Sling'],
    attributes: [
      ['Volume', ['18 L', '24 L', '30 L'], 0.1],
      ['Colour', colors],
    ],
    price: [15, 249],
    features: ['a padded laptop sleeve', 'water-repellent fabric', 'hidden pockets'],
  },
  {
    path: 'Sports > Running',
    noun: 'running vest',
    models: ['Ultra', 'Tempo', 'Stride'],
    attributes: [['Size', ['S', 'M', 'L']]],
    price: [19, 179],
    features: ['two soft flasks', 'reflective details', 'a bounce-free fit'],
  },
  {
    path: 'Sports > Cycling',
    noun: 'bike helmet',
    models: ['Aero', 'Velo', 'Climb', 'Gravel'],
    attributes: [
      ['Size', ['S', 'M', 'L']],
      ['Colour', colors],
    ],
    price: [29, 4999],
    features: ['MIPS protection', 'an integrated light', 'a carbon frame'],
  },
  {
    path: 'Sports > Camping',
    noun: 'tent',
    models: ['Basecamp', 'Ridge', 'Alpine', 'Dome'],
    attributes: [['Capacity', ['1-person', '2-person', '4-person'], 0.3]],
    price: [25, 899],
    features: ['a freestanding design', '3000 mm waterproofing', 'a 1.6 kg packed weight'],
  },
  {
    path: 'Sports > Fitness',
    noun: 'kettlebell',
    models: ['Core', 'Power', 'Flex', 'Iron'],
    attributes: [['Weight', ['8 kg', '12 kg', '16 kg', '24 kg'], 0.35]],
    price: [9, 1499],
    features: ['a powder-coated grip', 'a flat base', 'cast iron'],
  },
  {
    path: 'Beauty > Skincare',
    noun: 'face serum',
    models: ['Glow', 'Pure', 'Hydra', 'Renew'],
    attributes: [['Size', ['30 ml', '50 ml'], 0.4]],
    price: [8, 149],
    features: ['hyaluronic acid', 'vitamin C', 'no added fragrance'],
  },
  {
    path: 'Beauty > Fragrance',
    noun: 'eau de parfum',
    models: ['Nuit', 'Soleil', 'Bois', 'Fleur'],
    attributes: [['Size', ['50 ml', '100 ml'], 0.5]],
    price: [29, 249],
    features: ['notes of cedar and bergamot', 'a long-lasting trail', 'a refillable bottle'],
  },
  {
    path: 'Toys > Building Sets',
    noun: 'building set',
    models: ['City', 'Castle', 'Rocket', 'Harbour'],
    attributes: [['Pieces', ['250 pieces', '800 pieces', '1500 pieces'], 0.6]],
    price: [9, 499],
    features: ['step-by-step instructions', 'compatible bricks', 'minifigures'],
  },
  {
    path: 'Toys > Board Games',
    noun: 'board game',
    models: ['Quest', 'Empire', 'Harvest', 'Voyage'],
    attributes: [['Players', ['2–4 players', '2–6 players'], 0.2]],
    price: [14, 119],
    features: ['a 45-minute play time', 'a co-op mode', 'wooden pieces'],
  },
  {
    path: 'Books > Fiction',
    noun: 'novel',
    models: ['The Silent Shore', 'Northern Lights', 'The Glass Orchard', 'Salt and Ember'],
    attributes: [['Format', ['Hardcover', 'Paperback'], -0.35]],
    price: [8, 39],
    features: ['an award-winning debut', 'a gripping plot', 'a new translation'],
  },
  {
    path: 'Books > Cookbooks',
    noun: 'cookbook',
    models: ['Weeknight Kitchen', 'Green Plates', 'Slow Sundays', 'Bread at Home'],
    attributes: [['Format', ['Hardcover', 'Paperback'], -0.35]],
    price: [12, 59],
    features: ['120 recipes', 'full-page photographs', 'seasonal menus'],
  },
  {
    path: 'Grocery > Coffee & Tea',
    noun: 'coffee beans',
    models: ['Espresso Blend', 'Single Origin', 'House Roast', 'Decaf'],
    attributes: [['Weight', ['250 g', '500 g', '1 kg'], 0.7]],
    price: [5, 69],
    features: ['notes of chocolate', 'a medium roast', 'direct trade'],
  },
  {
    path: 'Office > Stationery',
    noun: 'notebook',
    models: ['Journal', 'Planner', 'Sketch', 'Ledger'],
    attributes: [
      ['Size', ['A5', 'A4'], 0.2],
      ['Ruling', ['Dotted', 'Ruled', 'Plain']],
    ],
    price: [4, 89],
    features: ['100 gsm paper', 'a lay-flat binding', 'a linen cover'],
  },
]

type Brand = { name: string; code: string; departments: string[] }

const brand = (name: string, ...departments: string[]): Brand => ({
  name,
  code: name
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 3)
    .toUpperCase(),
  departments,
})

// Brands make things in a few departments (or single categories), as real ones do.
const brands: Brand[] = [
  brand('Apex', 'Electronics > Phones', 'Electronics > Tablets', 'Electronics > Wearables'),
  brand('Voltra', 'Electronics'),
  brand('Lumina', 'Electronics > TV & Video', 'Electronics > Cameras', 'Home > Lighting'),
  brand('Sonique', 'Electronics > Audio'),
  brand('Kestrel', 'Electronics > Laptops', 'Electronics > Tablets'),
  brand('Orbitron', 'Electronics > Gaming', 'Electronics > TV & Video'),
  brand('Pixelon', 'Electronics > Cameras', 'Electronics > Phones'),
  brand('Zentek', 'Electronics'),
  brand('Novacore', 'Electronics > Laptops', 'Electronics > Gaming'),
  brand('Auralis', 'Electronics > Audio', 'Electronics > Wearables'),
  brand('Helix', 'Electronics > Phones', 'Electronics > Audio'),
  brand('Quantix', 'Electronics > Laptops', 'Electronics > Tablets'),
  brand('Nordvik', 'Home', 'Fashion > Shoes', 'Fashion > Jackets'),
  brand('Hearthly', 'Home > Kitchen', 'Home > Bedding'),
  brand('Casa Verde', 'Home > Garden', 'Home > Furniture'),
  brand('Brightwell', 'Home > Lighting', 'Home > Kitchen'),
  brand('Oakhaven', 'Home > Furniture', 'Home > Bedding'),
  brand('Kitchora', 'Home > Kitchen'),
  brand('Greenleaf', 'Home > Garden', 'Grocery'),
  brand('Sleepwell', 'Home > Bedding'),
  brand('Urbane', 'Fashion'),
  brand('Stride', 'Fashion > Shoes', 'Sports > Running'),
  brand('Velora', 'Fashion > Dresses', 'Fashion > Accessories'),
  brand('Northpeak', 'Fashion > Jackets', 'Sports > Camping'),
  brand('Denimco', 'Fashion > Jeans'),
  brand('Maison Rive', 'Fashion > Dresses', 'Beauty > Fragrance'),
  brand('Ashby & Co', 'Fashion > Accessories', 'Fashion > Jackets'),
  brand('Kinfolk', 'Fashion', 'Home > Bedding'),
  brand('Trailblazer', 'Sports > Running', 'Sports > Camping', 'Fashion > Shoes'),
  brand('Summit Gear', 'Sports > Camping', 'Sports > Cycling'),
  brand('Velocity', 'Sports > Cycling', 'Sports > Running'),
  brand('Ironform', 'Sports > Fitness'),
  brand('Kinetic', 'Sports', 'Electronics > Wearables'),
  brand('Aurelle', 'Beauty'),
  brand('Pura', 'Beauty > Skincare'),
  brand('Solenne', 'Beauty > Fragrance'),
  brand('Brickworks', 'Toys > Building Sets'),
  brand('Playforge', 'Toys'),
  brand('Meeple & Co', 'Toys > Board Games'),
  brand('Inkwell Press', 'Books'),
  brand('Larder Books', 'Books > Cookbooks'),
  brand('Roastery No. 7', 'Grocery > Coffee & Tea'),
  brand('Leaf & Kettle', 'Grocery > Coffee & Tea'),
  brand('Papeterie', 'Office > Stationery'),
  brand('Quillmark', 'Office > Stationery', 'Books'),
  brand('Boreal', 'Sports > Camping', 'Fashion > Jackets'),
  brand('Fjordline', 'Home > Furniture', 'Home > Lighting'),
  brand('Cobalt', 'Electronics > Audio', 'Electronics > Gaming'),
  brand('Meridian', 'Electronics > TV & Video', 'Electronics > Audio'),
  brand('Tessera', 'Home > Kitchen', 'Home > Furniture'),
  brand('Saltmarsh', 'Fashion > Accessories', 'Beauty > Skincare'),
  brand('Ridgeway', 'Sports > Cycling', 'Sports > Fitness'),
  brand('Lark', 'Fashion > Dresses', 'Fashion > Shoes'),
  brand('Emberly', 'Home > Lighting', 'Grocery > Coffee & Tea'),
  brand('Vantage', 'Electronics > Cameras', 'Electronics > Phones'),
  brand('Willow & Pine', 'Toys', 'Home > Bedding'),
  brand('Copperleaf', 'Home > Kitchen', 'Home > Garden'),
  brand('Aria', 'Electronics > Audio', 'Beauty > Fragrance'),
  brand('Polaris', 'Electronics > Wearables', 'Sports > Running'),
  brand('Atlas', 'Books > Fiction', 'Office > Stationery'),
]

const brandsByLeaf = new Map(
  leaves.map((leaf) => [
    leaf.path,
    brands.filter((b) => b.departments.some((d) => leaf.path === d || leaf.path.startsWith(`${d} > `))),
  ]),
)

/** Real products with their real names, first in every seeded catalog, so search demos find something. */
const wellKnown: Omit<ImportRow, 'line' | 'sku'>[] = [
  {
    name: 'iPhone 15 128 GB',
    brand: 'Apple',
    category: 'Electronics > Phones',
    price: '899.00',
    currency: 'EUR',
  },
  {
    name: 'iPhone 15 Pro 256 GB',
    brand: 'Apple',
    category: 'Electronics > Phones',
    price: '1329.00',
    currency: 'EUR',
  },
  {
    name: 'Samsung Galaxy S24 128 GB',
    brand: 'Samsung',
    category: 'Electronics > Phones',
    price: '899.00',
    currency: 'EUR',
  },
  {
    name: 'Samsung Galaxy S24 Ultra 512 GB',
    brand: 'Samsung',
    category: 'Electronics > Phones',
    price: '1569.00',
    currency: 'EUR',
  },
  {
    name: 'Google Pixel 8 128 GB',
    brand: 'Google',
    category: 'Electronics > Phones',
    price: '699.00',
    currency: 'EUR',
  },
  {
    name: 'MacBook Air 13" M3',
    brand: 'Apple',
    category: 'Electronics > Laptops',
    price: '1299.00',
    currency: 'EUR',
  },
  {
    name: 'AirPods Pro (2nd generation)',
    brand: 'Apple',
    category: 'Electronics > Audio',
    price: '279.00',
    currency: 'EUR',
  },
  {
    name: 'Sony WH-1000XM5 Wireless Headphones',
    brand: 'Sony',
    category: 'Electronics > Audio',
    price: '399.99',
    currency: 'EUR',
  },
  {
    name: 'Nintendo Switch OLED',
    brand: 'Nintendo',
    category: 'Electronics > Gaming',
    price: '349.99',
    currency: 'EUR',
  },
  {
    name: 'Kindle Paperwhite 16 GB',
    brand: 'Amazon',
    category: 'Electronics > Tablets',
    price: '169.99',
    currency: 'USD',
  },
  {
    name: "De'Longhi Magnifica S Espresso Machine",
    brand: "De'Longhi",
    category: 'Home > Kitchen',
    price: '379.00',
    currency: 'EUR',
  },
  {
    name: 'Nike Air Zoom Pegasus 40',
    brand: 'Nike',
    category: 'Fashion > Shoes',
    price: '139.99',
    currency: 'EUR',
  },
].map((p) => ({
  ...p,
  description: `${p.name} by ${p.brand}.`,
  status: 'active',
}))

/** The category paths a seeded catalog uses (leaves only). */
export const seedCategories: readonly string[] = leaves.map((l) => l.path)

/** The brand names a seeded catalog uses, well-known products' brands included. */
export const seedBrands: readonly string[] = [
  ...new Set([...wellKnown.map((p) => p.brand as string), ...brands.map((b) => b.name)]),
]

// mulberry32: tiny, fast and good enough to make data look random; not for anything secret.
const mulberry32 = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An independent random stream for (seed, index): per product here, per order or session in the history. */
export const streamFor = (seed: number, index: number) =>
  mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35))

/** One of `items`, uniformly. */
export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T

const skuOf = (code: string, index: number) => `${code}-${String(index + 1).padStart(6, '0')}`

type Row = Omit<ImportRow, 'line'>

/** A price in major units, skewed towards the cheap end as real assortments are. */
const majorIn = (random: () => number, [min, max]: [number, number]): number =>
  Math.floor(min + (max - min) * random() ** 2)

/** A shelf price from major units: ending in .99, .49, .00 or .95. */
const shelfPrice = (major: number, cents: string): string => `${major}.${cents}`

// Shares of products: sold in variants along their first attribute (sizes, storage, colours), and on sale.
const variantShare = 0.35
const saleShare = 0.12

/** The rows of product `index`: one, or one per variant sharing the product's slug. */
const productRows = (seed: number, index: number): Row[] => {
  if (index < wellKnown.length) {
    const known = wellKnown[index] as Omit<Row, 'sku'>
    const code = (known.brand ?? 'XXX')
      .replace(/[^A-Za-z]/g, '')
      .slice(0, 3)
      .toUpperCase()
    return [{ sku: skuOf(code, index), ...known }]
  }
  const random = streamFor(seed, index)
  // The first products cover every category once, so the first import batch creates the whole tree.
  const leafIndex = index - wellKnown.length
  const leaf = leafIndex < leaves.length ? (leaves[leafIndex] as Leaf) : pick(random, leaves)
  const maker = pick(random, brandsByLeaf.get(leaf.path) ?? brands)
  const model = pick(random, leaf.models)
  const generation = random() < 0.6 ? ` ${1 + Math.floor(random() * 24)}` : ''
  const edition = random() < 0.25 ? ` ${pick(random, ['Pro', 'Plus', 'Lite', 'Max', 'Mini', 'SE'])}` : ''
  const chosen = leaf.attributes.map((choice) => (random() < 0.7 ? pick(random, choice[1]) : null))
  const feature = pick(random, leaf.features)
  const other = pick(random, leaf.features)
  const description =
    `The ${maker.name} ${model}${generation}${edition} is a ${pick(random, ['versatile', 'lightweight', 'premium', 'durable', 'everyday', 'award-winning'])} ${leaf.noun} with ${feature}` +
    `${other === feature ? '' : ` and ${other}`}. ${pick(random, ['Designed to last.', 'Free returns within 30 days.', 'Backed by a two-year warranty.', 'A customer favourite.'])}`
  const currency = random() < 0.1 ? 'USD' : 'EUR'
  const major = majorIn(random, leaf.price)
  const cents = pick(random, ['99', '99', '49', '00', '95'])
  const status = random() < 0.05 ? 'draft' : 'active'
  const [axisName, axisValues, step = 0] = leaf.attributes[0]!
  const variants =
    random() < variantShare ? 2 + Math.floor(random() * (Math.min(4, axisValues.length) - 1)) : 1
  const firstValue = Math.floor(random() * (axisValues.length - variants + 1))
  const discount = random() < saleShare ? 0.1 + Math.floor(random() * 5) * 0.05 : 0

  const base = `${maker.name} ${model}${generation}${edition}`
  const sku = skuOf(maker.code, index)
  // A product sold in variants does not name the value its variants differ by; its other choices are both in
  // its name and in every variant's options.
  const named = chosen.filter((value, i) => value !== null && (variants === 1 || i > 0)) as string[]
  const name = [base, ...named].join(' ')
  const product = { name, description, brand: maker.name, category: leaf.path, currency, status }
  const shared = Object.fromEntries(
    leaf.attributes.flatMap(([option], i) => (i > 0 && chosen[i] ? [[option, chosen[i]]] : [])),
  )
  const priced = (stepMajor: number) => {
    const full = Math.max(1, Math.round(stepMajor))
    // A reduction takes at least one whole unit off, so the compare-at price is always above the price.
    const reduced = Math.min(full - 1, Math.floor(full * (1 - discount)))
    return discount && reduced >= 1
      ? { price: shelfPrice(reduced, cents), compareAtPrice: shelfPrice(full, cents) }
      : { price: shelfPrice(full, cents) }
  }
  if (variants === 1) return [{ sku, ...product, ...priced(major) }]
  const slug = `${slugify(name)}-${slugify(sku)}`
  return Array.from({ length: variants }, (_, j) => ({
    sku: j === 0 ? sku : `${sku}-${j + 1}`,
    slug,
    ...product,
    options: encodeOptions({ [axisName]: axisValues[firstValue + j]!, ...shared }),
    ...priced(major * (1 + step) ** j),
  }))
}

export type GenerateOptions = { products: number; seed: number }

/**
 * The catalog rows of `products` products for `seed`, lazily: one per product, or one per variant for the
 * products sold in variants. `line` numbers the rows from 1.
 */
export function* generateCatalog({ products, seed }: GenerateOptions): Generator<ImportRow> {
  let line = 0
  for (let i = 0; i < products; i++) for (const row of productRows(seed, i)) yield { line: ++line, ...row }
}
