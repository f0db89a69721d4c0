/** One page of a cursor-paged list. */
export type Page<Item> = { items: Item[]; nextCursor: string | null }

/**
 * The page at `cursor`, or with `all` that page and every one after it; a cursor seen twice stops the walk, so a
 * misbehaving server cannot loop it forever.
 */
export const collectPages = async <Item>(
  load: (cursor: string | undefined) => Promise<Page<Item>>,
  { all = false, cursor }: { all?: boolean | undefined; cursor?: string | undefined },
): Promise<Page<Item>> => {
  let page = await load(cursor)
  const items = [...page.items]
  const seen = new Set<string>()
  while (all && page.nextCursor && !seen.has(page.nextCursor)) {
    seen.add(page.nextCursor)
    page = await load(page.nextCursor)
    items.push(...page.items)
  }
  return { items, nextCursor: all ? null : page.nextCursor }
}
