/** A URL slug from a name: lower case, accents folded, anything else a single dash. */
export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'product'

export const slugPattern = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
