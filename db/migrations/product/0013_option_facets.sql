-- Filters and facets by variant option ("Colour: Navy (12)", "Size: M (40)"). A product keeps the distinct
-- (option name, value) pairs of its variants on its row (`option_values`: `name` and `value` joined by the unit
-- separator U+001F, in byte order; pairs that fold alike are kept once, as the first of them). Filters and facets
-- compare pairs folded as the search folds text (`catalog.fold`: lower case, no accents); facet labels keep the
-- catalog's spelling. Option names hold neither the separator nor the `:` of the API's filters (`option=Size:M`).
-- The folded pairs are stored beside them (`option_keys`, element for element), so that neither a filter nor a count
-- folds text per row: a filter on one option's values is an overlap with them, answered by a GIN index.
create function catalog.fold_all(texts text[]) returns text[]
  language sql immutable strict parallel safe
begin atomic
  select array(select catalog.fold(t) from unnest(texts) with ordinality u(t, i) order by i);
end;

alter table catalog.products
  add column option_values text[] not null default '{}',
  add column option_keys text[] generated always as (catalog.fold_all(option_values)) stored;

-- The product's option names in the merchant's order (Size before Colour, as the variants were given): a variant's
-- `options` is jsonb, which keeps its keys in its own order. Written with the variants by the API and the import.
alter table catalog.products add column option_names text[] not null default '{}';

create function catalog.variant_option_values(product text) returns text[] language sql stable as $$
  select array(
    select min(o.key || E'\x1f' || o.value collate "C")
    from catalog.variants v cross join lateral jsonb_each_text(v.options) o
    where v.product_id = product
    group by catalog.fold(o.key || E'\x1f' || o.value)
    order by 1
  )
$$;

-- The triggers that keep what a product derives from its links and variants (0005/0006 category ids, 0012 option
-- values, now also option pairs) look up the changed products by key, and work out each one's values once. They
-- used to join the changed rows to the products with the comparison in the products' filter, and the planner, which
-- cannot know how many rows a transition table holds, could scan every product instead and call the derivation for
-- each of them: during a large import, with statistics from a smaller catalog, a batch of 600 products evaluated the
-- category and option values of all 29,000 already written (130-550 ms a statement).
create function catalog.refresh_category_ids_of(products text[]) returns void language sql as $$
  with changed as materialized (
    select id, catalog.linked_category_ids(id) as category_ids from (select distinct unnest(products) as id) u
  )
  update catalog.products p set category_ids = changed.category_ids
  from changed
  where p.id = any(products) and p.id = changed.id and p.category_ids is distinct from changed.category_ids
$$;

create function catalog.refresh_variant_terms_of(products text[]) returns void language sql as $$
  with changed as materialized (
    select id, catalog.variant_terms(id) as terms, catalog.variant_option_values(id) as pairs
    from (select distinct unnest(products) as id) u
  )
  update catalog.products p set variant_terms = changed.terms, option_values = changed.pairs
  from changed
  where p.id = any(products) and p.id = changed.id
    and (p.variant_terms is distinct from changed.terms or p.option_values is distinct from changed.pairs)
$$;

create or replace function catalog.refresh_product_category_ids() returns trigger language plpgsql as $$
begin
  perform catalog.refresh_category_ids_of(array(select product_id from changed_links));
  return null;
end
$$;

create or replace function catalog.refresh_moved_product_category_ids() returns trigger language plpgsql as $$
begin
  perform catalog.refresh_category_ids_of(
    array(select product_id from old_links union select product_id from new_links));
  return null;
end
$$;

create or replace function catalog.refresh_variant_terms() returns trigger language plpgsql as $$
begin
  perform catalog.refresh_variant_terms_of(
    array(select product_id from changed_variants where options <> '{}'::jsonb));
  return null;
end
$$;

-- An update can change a variant's options or move it to another product: both products are looked at.
create or replace function catalog.refresh_changed_variant_terms() returns trigger language plpgsql as $$
begin
  perform catalog.refresh_variant_terms_of(array(
    select unnest(array[o.product_id, n.product_id]) from old_variants o join new_variants n using (id)
    where o.options is distinct from n.options or o.product_id is distinct from n.product_id));
  return null;
end
$$;

update catalog.products p set option_values = catalog.variant_option_values(p.id)
where p.id in (select product_id from catalog.variants where options <> '{}'::jsonb);

-- The folded pairs' index keeps its pending list as short as the other search indexes' (0009), merged with theirs.
create index products_option_keys_idx on catalog.products using gin (option_keys)
  with (gin_pending_list_limit = 256);

-- Browse counts (0008) group products by their option pairs too, so a browse counts option facets, and filters by
-- option, from the groups: every product of a group has the same pairs.
alter table catalog.product_facet_groups
  add column option_values text[] not null default '{}',
  add column option_keys text[] generated always as (catalog.fold_all(option_values)) stored;

create or replace function catalog.product_facets_counted() returns trigger language plpgsql as $$
begin
  insert into catalog.product_facet_groups (brand, category_ids, bucket, option_values, n)
  select brand, category_ids, catalog.price_bucket(min_price_amount), option_values, TG_ARGV[0]::int * count(*)
  from changed_products where status = 'active'
  group by 1, 2, 3, 4;
  return null;
end
$$;

create or replace function catalog.product_facets_updated() returns trigger language plpgsql as $$
begin
  insert into catalog.product_facet_groups (brand, category_ids, bucket, option_values, n)
  select brand, category_ids, bucket, option_values, sum(d)
  from (
    select brand, category_ids, catalog.price_bucket(min_price_amount) as bucket, option_values, 1 as d
    from new_products where status = 'active'
    union all
    select brand, category_ids, catalog.price_bucket(min_price_amount), option_values, -1
    from old_products where status = 'active'
  ) moves
  group by 1, 2, 3, 4
  having sum(d) <> 0;
  return null;
end
$$;

create or replace function catalog.compact_product_facet_groups() returns bigint language sql as $$
  with folded as (
    delete from catalog.product_facet_groups returning brand, category_ids, bucket, option_values, n
  ), kept as (
    insert into catalog.product_facet_groups (brand, category_ids, bucket, option_values, n)
    select brand, category_ids, bucket, option_values, sum(n) from folded
    group by 1, 2, 3, 4
    having sum(n) <> 0
    returning 1
  )
  select count(*) from kept
$$;

-- The groups again, now by option pairs too (the backfill above moved products under the old functions).
delete from catalog.product_facet_groups;
insert into catalog.product_facet_groups (brand, category_ids, bucket, option_values, n)
select brand, category_ids, catalog.price_bucket(min_price_amount), option_values, count(*)
from catalog.products where status = 'active'
group by 1, 2, 3, 4;
