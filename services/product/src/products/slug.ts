export { slugify, slugPattern } from '@myshop/catalog-format'
