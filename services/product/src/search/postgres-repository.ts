import type { Db, Fragment } from '@myshop/db'
import type { Logger } from '@myshop/logger'
import type postgres from 'postgres'
import {
  type CursorShape,
  cursorValues,
  decodeCursor,
  effectiveSort,
  encodeCursor,
  queryWords,
} from './cursor.ts'
import {
  type FacetBucket,
  type OptionFilter,
  optionFacets,
  optionPairsCounted,
  optionSeparator,
  type PriceBucket,
  priceBuckets,
  type ReindexSource,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
  type SearchSort,
  skuCandidates,
} from './engine.ts'

/**
 * How close a query word must be to a word of the name to count as a typo of it (pg_trgm
 * `word_similarity`). 0.42 lets a transposition in a six-letter word through ("iphnoe" → "iphone" scores
 * 0.43) while a four-letter word sharing only its first two letters ("lamp" → "laptop", 0.40) stays out.
 */
const typoThreshold = 0.42
/** Words shorter than this are matched as prefixes only: their few trigrams make fuzzy matches noise. */
const typoMinLength = 4
/** Facet lists are cut to their most frequent values. */
const facetSize = 100
/** Stands in for a missing price so keyset comparisons never meet a null (prices stay far below). */
const noPriceLast = Number.MAX_SAFE_INTEGER
/** A page's cursor holds its last row's sort key as PostgreSQL wrote it (`key::text`) and its id. */
const cursorShape: CursorShape = {
  relevance: [cursorValues.decimalText, cursorValues.productId],
  price_asc: [cursorValues.integerText(-1, noPriceLast), cursorValues.productId],
  price_desc: [cursorValues.integerText(-1, noPriceLast), cursorValues.productId],
  newest: [cursorValues.timestampText, cursorValues.productId],
}
/**
 * How many matches a relevance page has scored after each round, in page sizes (limit + 1), taking them by
 * highest bound; a last round scores what remains above the floor.
 */
const scoringRounds = [2, 8, 32] as const
/** Browse counts fold the facet groups' delta rows once there are more than this many, and twice the groups. */
const compactAfterRows = 2_000

/**
 * The price buckets (numbered from 1, as `catalog.price_bucket` numbers them) that make up a price range exactly:
 * the range starts on a bucket's lower bound (or is open) and ends just under one's (or is open), as a shopper's
 * click on a price facet asks. Null for any other range, and for one that starts beyond where it ends.
 */
export const wholeBuckets = (min?: number, max?: number): readonly [number, number] | null => {
  const first = min === undefined ? 1 : priceBuckets.indexOf(min as (typeof priceBuckets)[number]) + 1
  const last =
    max === undefined ? priceBuckets.length : priceBuckets.indexOf((max + 1) as (typeof priceBuckets)[number])
  return first >= 1 && last >= 1 && first <= last ? [first, last] : null
}

/** One row of the counts: the total, a facet value with its count, or the groups' bookkeeping. */
interface FacetRow {
  facet: string
  value: string | null
  label: string | null
  count: number
}

interface SortPlan {
  key: Fragment
  order: Fragment
  /** Rows strictly after the cursor's (key, id), in this sort's order. */
  after: (key: string, id: string) => Fragment
}

/**
 * Product search over the catalog tables themselves: full-text on the weighted `search` column, prefix
 * matching for words being typed, pg_trgm similarity on the name for typos, all on text folded to lower case
 * without accents. Nothing to keep in step, so `index`/`remove` do nothing.
 */
export interface PostgresSearchOptions {
  /**
   * How many products, in the page's order, a page of a category or of some options reads before it gives up on
   * finding its rows among them and takes those products alone instead (see `partPage`).
   */
  categoryWalkRows?: number
}

export const postgresSearch = (
  sql: Db,
  logger?: Pick<Logger, 'warn'>,
  { categoryWalkRows = 2_000 }: PostgresSearchOptions = {},
): SearchEngine => {
  const sortPlans: Record<SearchSort, SortPlan> = {
    relevance: {
      key: sql`score`,
      order: sql`score desc, id asc`,
      after: (k, id) => sql`(score < ${k}::float8 or (score = ${k}::float8 and id > ${id}))`,
    },
    // The cursor carries the price with a stand-in for a missing one; the order is the column's own, nulls
    // last, which is the same order and the one the (status, min_price_amount …) indexes keep.
    price_asc: {
      key: sql`coalesce(min_price_amount, ${noPriceLast})`,
      order: sql`min_price_amount asc nulls last, id asc`,
      after: (k, id) => sql`(coalesce(min_price_amount, ${noPriceLast}) > ${k}::bigint
        or (coalesce(min_price_amount, ${noPriceLast}) = ${k}::bigint and id > ${id}))`,
    },
    price_desc: {
      key: sql`coalesce(min_price_amount, -1)`,
      order: sql`min_price_amount desc nulls last, id asc`,
      after: (k, id) => sql`(coalesce(min_price_amount, -1) < ${k}::bigint
        or (coalesce(min_price_amount, -1) = ${k}::bigint and id > ${id}))`,
    },
    newest: {
      key: sql`created_at`,
      order: sql`created_at desc, id desc`,
      after: (k, id) =>
        sql`(created_at < ${k}::timestamptz or (created_at = ${k}::timestamptz and id < ${id}))`,
    },
  }

  const list = (parts: Fragment[], separator: Fragment): Fragment =>
    parts.reduce((all, part) => sql`${all}${separator}${part}`)
  const and = (parts: Fragment[]): Fragment => list(parts, sql` and `)

  /**
   * The query's terms, parsed once per statement (a `materialized` CTE, not once per row) for the score; the
   * matching condition repeats them as parameters so the planner can answer it from the GIN indexes (a
   * bitmap OR/AND of `search @@ …` and `search_name %> word`). Every piece of user text is a parameter, folded
   * (`catalog.fold`: lower case, no accents) in SQL as the catalog's text is; a folded word is quoted before it
   * becomes a tsquery lexeme, since folding can spell a letter with punctuation.
   */
  const textMatch = (q: string, words: string[]) => {
    const prefixQuery = sql`(
      select string_agg(quote_literal(catalog.fold(w)) || ':*', ' & ') from unnest(${words}::text[]) w
    )`
    const terms = sql`
      terms as materialized (
        select to_tsquery('simple', ${prefixQuery}) as prefix_q, websearch_to_tsquery('simple', f.q) as web_q, f.q,
          cardinality(show_trgm(f.q)) as q_trigrams, s.signature as q_signature, bit_count(s.signature) as q_bits
        from (select catalog.fold(${q}) as q) f, lateral (select catalog.trigram_signature(f.q) as signature) s
      ),`
    // A product matches the whole query as the shopper wrote it (quotes, "or", "-"), or every word matches as
    // a prefix of a word of its name, brand or description, or (for longer words) as a typo of a name word.
    // `%>` is the indexable form of `word_similarity(word, name) >= pg_trgm.word_similarity_threshold` (set
    // to the typo threshold for the statement); the exact `>` comparison rechecks its candidates.
    const prefix = (word: string) => sql`to_tsquery('simple', quote_literal(catalog.fold(${word})) || ':*')`
    const wordMatch = (word: string) =>
      word.length >= typoMinLength
        ? sql`(p.search @@ ${prefix(word)}
            or (p.search_name %> catalog.fold(${word})
              and word_similarity(catalog.fold(${word}), p.search_name) > ${typoThreshold}))`
        : sql`p.search @@ ${prefix(word)}`
    // A query shaped like a SKU also finds that SKU's product, through the variants' unique index (the array is
    // read once per statement, and the primary key joins the bitmap OR of the other branches).
    const skus = skuCandidates(q)
    const bySku = skus.length
      ? sql`p.id = any(array(select product_id from catalog.variants where sku = any(${skus}::text[])))`
      : null
    const match = sql`(
      p.search @@ websearch_to_tsquery('simple', catalog.fold(${q}))
      or (${and(words.map(wordMatch))})
      ${bySku ? sql`or ${bySku}` : sql``}
    )`
    // Cover density with weights {D, C, B, A}: name (A) above brand (B) above description (C); the whole
    // name's similarity to the query lifts close and exact names and orders typo-only matches; an exact name
    // comes first. The score is split so that the cheap parts (`rank`, `exact`) are computed for every match and
    // the trigram similarities only where `score` is asked for, on `matched` rows (alias `m`).
    const rank = sql`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.search, t.prefix_q)
      + ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.search, t.web_q)`
    const exact = sql`case when p.search_name = t.q ${bySku ? sql`or ${bySku}` : sql``} then 1 else 0 end`
    // Above every score a row can have. The name and the query share at most `common` trigrams: no more than
    // either has, and no more than the query's trigrams whose bits are set in the name's signature (the bits set
    // in both, plus the query's trigrams that share a bit with another of its own). similarity is common /
    // (name + query - common), which grows with common; word_similarity is the best of found / (query + extent -
    // found) over the name's extents, at most common / query. The slack covers the float4 roundings of the parts
    // and the rounding to six places.
    // `bound` is written over `matched`'s columns, each computed once per row.
    const common = sql`least(bit_count(p.name_trigram_signature & t.q_signature) + t.q_trigrams - t.q_bits,
      p.name_trigrams, t.q_trigrams)::float8`
    const bound = sql`rank * 1.00001 + 0.0001 + common / greatest(name_trigrams + q_trigrams - common, 1)
      + 0.5 * common / greatest(q_trigrams, 1) + exact`
    // Rounded so the score survives the trip through a cursor exactly.
    const score = sql`round((
      m.rank + similarity(m.lname, t.q) + 0.5 * word_similarity(t.q, m.lname) + m.exact
    )::numeric, 6)::float8`
    return {
      terms,
      match,
      rank,
      exact,
      common,
      bound,
      score,
      fuzzy: words.some((w) => w.length >= typoMinLength),
    }
  }

  /**
   * One option filter on the columns of `table`: an overlap of the folded pairs (`option_keys`, GIN-indexed on
   * products) with the pairs it accepts, folded in SQL as the stored ones are (once: the argument is a constant).
   */
  const optionCondition = ({ name, values }: OptionFilter, table: string): Fragment =>
    sql`${sql(table)}.option_keys && catalog.fold_all(${values.map(
      (value) => `${name}${optionSeparator}${value}`,
    )}::text[])`

  /**
   * The filters that pick a part of the shop, on the columns of `table` (products, or a row of them): the category
   * subtree, and (unless `withOptions` is false) each option filter.
   */
  const selective = (
    query: SearchQuery,
    categoryIds: string[] | null,
    table: string,
    withOptions = true,
  ): Fragment[] => {
    const where: Fragment[] = []
    // The product's own category ids, kept on the row by triggers on product_categories (GIN-indexed); the
    // subtree's ids are a parameter, not a subquery, so the planner weighs them against the column's statistics.
    if (categoryIds !== null) where.push(sql`${sql(table)}.category_ids && ${categoryIds}::text[]`)
    if (withOptions) for (const option of query.options ?? []) where.push(optionCondition(option, table))
    return where
  }

  /** The filters every product of the shop's order is held to: active, brand, price range. */
  const shopConditions = (query: SearchQuery): Fragment[] => {
    const where: Fragment[] = [sql`p.status = 'active'`]
    if (query.brand !== undefined) where.push(sql`lower(p.brand) = lower(${query.brand})`)
    if (query.minPrice !== undefined) where.push(sql`p.min_price_amount >= ${query.minPrice}`)
    if (query.maxPrice !== undefined) where.push(sql`p.min_price_amount <= ${query.maxPrice}`)
    return where
  }

  /** The filters of a query but its words. */
  const conditions = (query: SearchQuery, categoryIds: string[] | null, withOptions = true): Fragment[] => [
    ...shopConditions(query),
    ...selective(query, categoryIds, 'p', withOptions),
  ]

  /**
   * `with …, matched as (…)`: the filtered, active products with what sorting and facets need.
   * For the facets the set carries no score (ranking every match is the page's work, not theirs), and is not held
   * to the option filters, which the counts apply themselves (see `facetRows`).
   */
  const matched = (query: SearchQuery, categoryIds: string[] | null, forFacets: boolean) => {
    const q = query.q?.trim() ?? ''
    const words = queryWords(q)
    const text = words.length > 0 ? textMatch(q, words) : null
    const where = conditions(query, categoryIds, !forFacets)
    if (text) where.push(text.match)
    const cte = sql`with ${text ? text.terms : sql``} matched as (
      select p.id, p.brand, p.min_price_amount, p.created_at, p.category_ids, p.option_values, p.option_keys,
        ${
          text && !forFacets
            ? sql`p.search_name as lname, ${text.rank} as rank, ${text.exact} as exact, ${text.common} as common,
                p.name_trigrams, t.q_trigrams`
            : sql`0::float8 as score`
        }
      from catalog.products p ${text && !forFacets ? sql`cross join terms t` : sql``}
      where ${and(where)}
    )`
    return { cte, text }
  }

  /**
   * Runs a statement. With a text query it runs in a transaction that has the typo threshold in force for `%>`
   * (when a word is long enough to be matched fuzzily) and sequential scans of the catalog off. Every text
   * match has an index (the search GIN index, the name trigram index), but the planner takes matching a
   * tsvector or a trigram for nearly free and would rather test all 100k rows in a (parallel) sequential scan:
   * "headphones" took 200 ms that way for each of the page and the counts, and 20 ms through the indexes.
   */
  const run = async <T extends postgres.Row[]>(
    text: { fuzzy: boolean } | null,
    statement: Fragment,
  ): Promise<T> => {
    if (!text) return (await statement) as unknown as T
    return (await sql.begin(async (tx) => {
      await tx`select set_config('enable_seqscan', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)${
        text.fuzzy
          ? tx`, set_config('pg_trgm.word_similarity_threshold', ${String(typoThreshold)}, true)`
          : tx``
      }`
      return await tx`${statement}`
    })) as unknown as T
  }

  const page = async (query: SearchQuery, categoryIds: string[] | null) => {
    const sort = effectiveSort(query.sort, query.q)
    const plan = sortPlans[sort]
    const after = query.cursor ? decodeCursor(query.cursor, sort, cursorShape) : null
    const { cte, text } = matched(query, categoryIds, false)
    const afterCursor = after ? plan.after(String(after[0]), String(after[1])) : sql`true`
    const rows = await run<{ id: string; key: string }[]>(
      text,
      sort === 'relevance' && text
        ? ranked(cte, text, query.limit, after)
        : !text && (categoryIds !== null || (query.options?.length ?? 0) > 0)
          ? partPage(cte, plan, query, categoryIds, afterCursor)
          : sql`
      ${cte}
      select id, (${plan.key})::text as key from matched
      where ${afterCursor}
      order by ${plan.order}
      limit ${query.limit + 1}
    `,
    )
    const ids = rows.slice(0, query.limit).map((r) => r.id)
    const last = rows.length > query.limit ? rows[query.limit - 1] : undefined
    return { ids, nextCursor: last ? encodeCursor({ sort, after: [last.key, last.id] }) : null }
  }

  /**
   * A page of a part of the shop (a category, products with some options) in a stored order (price, newest) without
   * words. Read in the order's index, the whole shop is walked until the part's rows turn up: quick when they are
   * spread through that order, but a part whose products all sit at the far end of it (cheap accessories sorted by
   * price descending, the few 15" screens by price ascending) had the walk read most of the catalog, 70-340 ms at
   * 100,000 products. So the shop is read in order for at most `categoryWalkRows` rows; if the page is among them it
   * is exact (nothing before it was skipped), and if not, the part's products are taken alone (its indexes) and
   * sorted, which costs what the part holds.
   */
  const partPage = (
    cte: Fragment,
    plan: SortPlan,
    query: SearchQuery,
    categoryIds: string[] | null,
    afterCursor: Fragment,
  ): Fragment => {
    const page = query.limit + 1
    return sql`
      ${cte},
      walked as materialized (
        select id, min_price_amount, created_at, key from (
          select p.id, p.min_price_amount, p.created_at, p.category_ids, p.option_keys, (${plan.key})::text as key
          from catalog.products p
          where ${and(shopConditions(query))} and ${afterCursor}
          order by ${plan.order}
          limit ${categoryWalkRows}
        ) shop
        where ${and(selective(query, categoryIds, 'shop'))}
        order by ${plan.order}
        limit ${page}
      ),
      found as materialized (select count(*) = ${page} as whole from walked)
      select id, key from (
        select id, key, min_price_amount, created_at from walked where (select whole from found)
        union all
        (select id, (${plan.key})::text as key, min_price_amount, created_at
          -- offset 0: the part's own rows, found through its indexes, not the shop's order again.
          from (select * from matched offset 0) m
          where not (select whole from found) and ${afterCursor}
          order by ${plan.order}
          limit ${page})
      ) page
      order by ${plan.order}
    `
  }

  /**
   * The relevance page without scoring every match. Each match carries a cheap `bound` above its score, and the
   * matches are scored in rounds by decreasing bound: the first round the top `scoringRounds[0]` pages' worth,
   * the next ones down to larger depths, the last one the rest. The matches that can follow the cursor are
   * counted for these depths (a match bounded below the cursor's score certainly follows it); any bounded above it
   * is scored in the first round. After each round, the page the scored matches make (limit + 1 rows after the
   * cursor) has a lowest score, the floor: a match not yet scored can only belong on the page if it scores at
   * least the floor, so later rounds score only the matches whose bound reaches it. The page is taken from every
   * round's best, and is exactly the page (and the cursor) of scoring everything; when a round finds less than a
   * page, the floor is minus infinity and the next round scores all it covers.
   */
  const ranked = (
    cte: Fragment,
    { score, bound }: { score: Fragment; bound: Fragment },
    limit: number,
    after: unknown[] | null,
  ): Fragment => {
    const relevance = sortPlans.relevance
    const afterCursor = after ? relevance.after(String(after[0]), String(after[1])) : sql`true`
    const page = limit + 1
    /** The best page of the matches `where` keeps, scored. */
    const scored = (where: Fragment) => sql`(
      select id, score from (
        select m.id, ${score} as score from bounded m cross join terms t where ${where}
      ) scored
      where ${afterCursor}
      order by ${relevance.order}
      limit ${page}
    )`
    /** The lowest score of the page the rounds so far make, or minus infinity while they make less than one. */
    const lowestOfPage = (rounds: Fragment) => sql`(
      select case when count(*) = ${page} then min(score) else '-infinity'::float8 end as score
      from (select score from (${rounds}) scored order by score desc limit ${page}) best
    )`
    // Round i scores the matches bounded from depth i down to depth i - 1 of `scoringRounds` (the first from the
    // top, the last to the bottom), and of those only the ones whose bound reaches the floor of rounds 1 to i - 1.
    const depths = scoringRounds.map(
      (pages, i) => sql`
      coalesce(bounds[${pages * page}], '-infinity'::float8) as ${sql(`d${i + 1}`)}`,
    )
    const rounds = [...scoringRounds, null].map((_, i) => {
      const above = i === 0 ? sql`true` : sql`m.bound < (select ${sql(`d${i}`)} from depth)`
      const depth = i < scoringRounds.length ? sql`(select ${sql(`d${i + 1}`)} from depth)` : null
      const floor = i === 0 ? null : sql`(select score from ${sql(`floor${i}`)})`
      const reach = depth && floor ? sql`greatest(${depth}, ${floor})` : (depth ?? floor)!
      const round = sql`${sql(`round${i + 1}`)} as materialized ${scored(sql`${above} and m.bound >= ${reach}`)}`
      if (i === scoringRounds.length) return round
      const scoredSoFar = list(
        Array.from({ length: i + 1 }, (_, j) => sql`select score from ${sql(`round${j + 1}`)}`),
        sql` union all `,
      )
      return sql`${round}, ${sql(`floor${i + 1}`)} as materialized ${lowestOfPage(scoredSoFar)}`
    })
    const allRounds = list(
      rounds.map((_, i) => sql`select * from ${sql(`round${i + 1}`)}`),
      sql` union all `,
    )
    return sql`
      ${cte},
      bounded as materialized (
        -- offset 0 keeps matched from being folded in, which would compute its columns once per use in bound.
        select id, lname, rank, exact, ${bound} as bound from (select * from matched offset 0) m
      ),
      depth as materialized (
        select ${list(depths, sql`, `)}
        from (
          select array_agg(bound order by bound desc) as bounds from bounded
          where ${after ? sql`bound < ${String(after[0])}::float8` : sql`true`}
        ) sorted
      ),
      ${list(rounds, sql`, `)}
      select id, score::text as key from (${allRounds}) page
      order by ${relevance.order}
      limit ${page}
    `
  }

  /**
   * The total and facets from `counted` (brand, category ids, price bucket, option pairs and their folded keys, n):
   * far fewer groups than products, and the total and each facet are sums over them. `pieces` is passed through as
   * its own row.
   */
  const facetRows = (
    counted: Fragment,
    pieces: Fragment,
    options: OptionFilter[],
    text: { fuzzy: boolean } | null = null,
  ) => {
    // `counted` is not held to the option filters: the groups the total and every other facet count are those that
    // pass them all, and an option's own values are counted over the groups that pass all the others, so a shopper
    // who picked one size still sees how many products each other size would add (values of one option widen).
    const passes = options.map((option) => optionCondition(option, 'counted'))
    const all = passes.length ? and(passes) : sql`true`
    const allBut = (i: number) => (passes.length > 1 ? and(passes.filter((_, j) => j !== i)) : sql`true`)
    const countedFor = options.length
      ? sql`case split_part(key, ${optionSeparator}, 1) ${list(
          options.map(({ name }, i) => sql`when catalog.fold(${name}) then ${allBut(i)}`),
          sql` `,
        )} else ${all} end`
      : sql`true`
    return run<FacetRow[]>(
      text,
      sql`
      ${counted}
      select 'total' as facet, null::text as value, null::text as label, coalesce(sum(n), 0)::bigint as count
      from counted where ${all}
      union all
      (select 'brand', lower(brand), min(brand), sum(n)::bigint from counted
        where brand is not null and ${all} group by lower(brand) order by 4 desc, 2 limit ${facetSize})
      union all
      (select 'category', c.id, c.path, n from (
          select category_id, sum(n)::bigint as n from counted, unnest(category_ids) category_id
          where ${all}
          group by category_id
        ) by_category join catalog.categories c on c.id = by_category.category_id
        order by 4 desc, 2 limit ${facetSize})
      union all
      select 'price', bucket::text, null, sum(n)::bigint from counted
      where bucket is not null and ${all} group by bucket
      union all
      -- Each folded pair with the number of products holding it (a product holds one spelling of it), labelled by
      -- its most frequent spelling, ties to the first in byte order: as the Elasticsearch engine labels it.
      (select 'option', key, (array_agg(pair order by products desc, pair collate "C"))[1], sum(products)::bigint
        from (
          select key, pair, sum(n) as products from counted, unnest(option_keys, option_values) u(key, pair)
          where ${countedFor}
          group by 1, 2
        ) spelled
        group by 2 order by 4 desc, 2 limit ${optionPairsCounted})
      ${pieces}
    `,
    )
  }

  /**
   * Exact counts in one pass over the matching products (but for their option filters, which `facetRows` applies),
   * grouped by (brand, category ids, price bucket, option pairs). The price bucket comes from a join to the bucket
   * numbers rather than from `width_bucket` itself so the planner estimates a handful of buckets, not one per
   * distinct price, and hashes instead of sorting.
   */
  const countMatches = async (query: SearchQuery, categoryIds: string[] | null) => {
    const { cte, text } = matched(query, categoryIds, true)
    const counted = sql`${cte},
      counted as (
        select m.brand, m.category_ids, b.bucket, m.option_values, m.option_keys, count(*) as n
        from matched m left join generate_series(1, ${priceBuckets.length}::int) b(bucket)
          on b.bucket = width_bucket(m.min_price_amount, ${[...priceBuckets]}::bigint[])
        group by 1, 2, 3, 4, 5
      )`
    return facetRows(counted, sql``, query.options ?? [], text)
  }

  /**
   * Counts for a browse without words, from the groups the catalog keeps as it is written
   * (`catalog.product_facet_groups`): a few thousand rows instead of every matching product. The brand, category
   * and option filters apply to groups as they do to products, since every product of a group shares all three (the
   * option filters in `facetRows`); a price range applies when it is a run of whole buckets (`buckets`). When the
   * groups' rows have piled up (writes append deltas), a compaction is started in the background.
   */
  const countGroups = async (
    query: SearchQuery,
    categoryIds: string[] | null,
    buckets: readonly [number, number] | null,
  ) => {
    const where: Fragment[] = [sql`true`]
    if (query.brand !== undefined) where.push(sql`lower(g.brand) = lower(${query.brand})`)
    if (buckets) where.push(sql`g.bucket between ${buckets[0]} and ${buckets[1]}`)
    where.push(...selective(query, categoryIds, 'g', false))
    const rows = await facetRows(
      sql`with grouped as (
        select brand, category_ids, bucket, option_values, option_keys, sum(n)::bigint as n, count(*) as pieces
        from catalog.product_facet_groups g where ${and(where)}
        group by 1, 2, 3, 4, 5
      ),
      counted as (select brand, category_ids, bucket, option_values, option_keys, n from grouped where n > 0)`,
      sql`union all
      select 'pieces', (count(*) filter (where n > 0))::text, null, coalesce(sum(pieces), 0)::bigint from grouped`,
      query.options ?? [],
    )
    const pieces = rows.find((r) => r.facet === 'pieces')
    if (pieces && pieces.count > compactAfterRows && pieces.count > 2 * Number(pieces.value)) compactGroups()
    return rows
  }

  let compacting = false
  /**
   * Folds the groups' delta rows in the background; one at a time per process, never failing a search (a failure
   * is logged). The
   * table is vacuumed after: the fold leaves a dead row per row it folded, and embedded PostgreSQL has no
   * autovacuum to reclaim them.
   */
  const compactGroups = () => {
    if (compacting) return
    compacting = true
    sql`select catalog.compact_product_facet_groups()`
      .then(() => sql`vacuum catalog.product_facet_groups`)
      .catch((err) => logger?.warn({ err }, 'folding the facet groups failed; the next browse tries again'))
      .finally(() => {
        compacting = false
      })
  }

  const totalsAndFacets = async (query: SearchQuery, categoryIds: string[] | null) => {
    // The same test as the matching's: a query of no words (punctuation, spaces) matches like no query.
    const noWords = queryWords(query.q?.trim() ?? '').length === 0
    const priced = query.minPrice !== undefined || query.maxPrice !== undefined
    const buckets = priced ? wholeBuckets(query.minPrice, query.maxPrice) : null
    const rows = await (noWords && (!priced || buckets)
      ? countGroups(query, categoryIds, buckets)
      : countMatches(query, categoryIds))
    const values = (facet: string): FacetBucket[] =>
      rows
        .filter((r) => r.facet === facet)
        .map((r) => ({ value: r.value ?? '', label: r.label ?? '', count: r.count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    const priceCounts = new Map(
      rows.filter((r) => r.facet === 'price').map((r) => [Number(r.value), r.count]),
    )
    const prices: PriceBucket[] = priceBuckets.map((from, i) => ({
      from,
      to: priceBuckets[i + 1] ?? null,
      // width_bucket numbers the buckets from 1.
      count: priceCounts.get(i + 1) ?? 0,
    }))
    return {
      total: rows.find((r) => r.facet === 'total')?.count ?? 0,
      facets: {
        categories: values('category'),
        brands: values('brand'),
        prices,
        options: optionFacets(values('option'), facetSize),
      },
    }
  }

  /** A category and all its descendants: a product in any of them is in the category. */
  const subtree = async (id: string): Promise<string[]> => {
    const [row] = await sql<{ ids: string[] }[]>`
      with recursive tree(id) as (
        select id from catalog.categories where id = ${id}
        union all
        select c.id from catalog.categories c join tree on c.parent_id = tree.id
      )
      select array(select id from tree) as ids`
    return row?.ids ?? []
  }

  return {
    name: 'postgres',

    async search(query: SearchQuery): Promise<SearchResult> {
      const categoryIds = query.category === undefined ? null : await subtree(query.category)
      const [{ ids, nextCursor }, { total, facets }] = await Promise.all([
        page(query, categoryIds),
        // Counting the whole filtered set is the expensive half; a caller holding the counts skips it.
        query.facets === false
          ? { total: 0, facets: { categories: [], brands: [], prices: [], options: [] } }
          : totalsAndFacets(query, categoryIds),
      ])
      return { ids, total, facets, nextCursor }
    },

    async suggest(prefix: string, limit: number): Promise<string[]> {
      const text = prefix.trim()
      const words = queryWords(text)
      if (words.length === 0 || limit <= 0) return []
      // Every branch is answered from an index, since a suggestion is asked for on every keystroke: the folded
      // names in order for the prefix (LIKE), their words for words being typed, and their trigrams for typos
      // (`%>`). The typed text is folded as the names are, then escaped for LIKE: folding can spell a letter
      // with a character LIKE treats specially.
      const folded = sql`catalog.fold(${text})`
      const startsWith = sql`replace(replace(replace(${folded}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`
      const nameWords = sql`to_tsvector('simple', search_name) @@ to_tsquery('simple', (
        select string_agg(quote_literal(catalog.fold(w)) || ':*', ' & ') from unnest(${words}::text[]) w
      ))`
      const fuzzy = words.join(' ').length >= typoMinLength
      const closeness = sql`max(word_similarity(${folded}, search_name))`
      const best = sql`order by closeness desc, length(name), name limit ${limit}`
      // Three tiers, best first: names that start with the text, names with a word starting with each typed word,
      // close typos. A name's tier and closeness depend on the name alone, so the tiers split the names cleanly,
      // and a tier is read only while the better ones hold fewer names than asked for (then they hold all theirs,
      // and are left out of it by name). A letter or two typed never reaches the typos.
      const rows = await run<{ name: string }[]>(
        { fuzzy },
        sql`
        with starting as materialized (
          select name, 2 as tier, ${closeness} as closeness
          from catalog.products
          where status = 'active' and search_name like ${startsWith}
          group by name
          ${best}
        ),
        words as materialized (
          select name, 1 as tier, ${closeness} as closeness
          from catalog.products
          where (select count(*) from starting) < ${limit}
            and status = 'active' and ${nameWords} and not (search_name like ${startsWith})
          group by name
          ${best}
        ),
        better as materialized (select name from starting union all select name from words)
        select name from (
          select name, tier, closeness from starting
          union all
          select name, tier, closeness from words
          ${
            fuzzy
              ? sql`union all
          (select name, 0, max(similarity) as closeness
          from (
            select name, word_similarity(${folded}, search_name) as similarity
            from catalog.products
            where (select count(*) from better) < ${limit}
              and status = 'active' and search_name %> ${folded}
            offset 0
          ) close
          where similarity > ${typoThreshold} and name not in (select name from better)
          group by name
          ${best})`
              : sql``
          }
        ) s
        order by tier desc, closeness desc, length(name), name
        limit ${limit}
      `,
      )
      return rows.map((r) => r.name)
    },

    async index(): Promise<void> {},

    async remove(): Promise<void> {},

    async reindex(source: ReindexSource): Promise<{ indexed: number }> {
      let indexed = 0
      for await (const batch of source.documents()) indexed += batch.length
      return { indexed }
    },
  }
}
