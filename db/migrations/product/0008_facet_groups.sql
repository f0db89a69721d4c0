-- Browse counts without a pass over the catalog. Browsing without words (a category page, a brand page, the
-- whole shop) counts every active product it matches for the total and the facets; at 100k products that pass
-- took 100-150 ms. Those products fall into a few hundred groups of (brand, category ids, price bucket), and
-- every count a browse shows is a sum over the groups its filters keep. The groups are kept here as signed
-- deltas: each statement that changes products appends the net change of the groups it touched (+1 for a
-- product that became active in a group, -1 for one that left it), so concurrent writers only insert and never
-- wait on one another's counters. A group's count is the sum of its rows; compaction folds the rows of each
-- group into one (catalog.compact_product_facet_groups), and reads ask for it when the rows pile up.

-- The price bucket of a minimum price, numbered from 1 as the search's facets are (engine.ts `priceBuckets`,
-- whose bounds these are; a test holds the two together). Null when the product has no price.
create function catalog.price_bucket(amount bigint) returns int language sql immutable parallel safe as $$
  select nullif(width_bucket(amount, '{0,1000,2500,5000,10000,25000,50000,100000}'::bigint[]), 0)
$$;

create table catalog.product_facet_groups (
  brand text,
  category_ids text[] not null,
  bucket int,
  n bigint not null
);

-- Products inserted (sign 1) or deleted (sign -1) by one statement, under one transition table name.
create function catalog.product_facets_counted() returns trigger language plpgsql as $$
begin
  insert into catalog.product_facet_groups (brand, category_ids, bucket, n)
  select brand, category_ids, catalog.price_bucket(min_price_amount), TG_ARGV[0]::int * count(*)
  from changed_products where status = 'active'
  group by 1, 2, 3;
  return null;
end
$$;

-- Most updates (names, descriptions, versions) leave every product in its group: nothing is written then.
create function catalog.product_facets_updated() returns trigger language plpgsql as $$
begin
  insert into catalog.product_facet_groups (brand, category_ids, bucket, n)
  select brand, category_ids, bucket, sum(d)
  from (
    select brand, category_ids, catalog.price_bucket(min_price_amount) as bucket, 1 as d
    from new_products where status = 'active'
    union all
    select brand, category_ids, catalog.price_bucket(min_price_amount), -1
    from old_products where status = 'active'
  ) moves
  group by 1, 2, 3
  having sum(d) <> 0;
  return null;
end
$$;

-- A trigger with transition tables fires for one event only: one trigger per statement kind.
create trigger products_facets_inserted after insert on catalog.products
  referencing new table as changed_products
  for each statement execute function catalog.product_facets_counted('1');
create trigger products_facets_deleted after delete on catalog.products
  referencing old table as changed_products
  for each statement execute function catalog.product_facets_counted('-1');
create trigger products_facets_updated after update on catalog.products
  referencing old table as old_products new table as new_products
  for each statement execute function catalog.product_facets_updated();

-- An emptied catalog (an operator's TRUNCATE) has no groups left.
create function catalog.product_facets_truncated() returns trigger language plpgsql as $$
begin
  delete from catalog.product_facet_groups;
  return null;
end
$$;
create trigger products_facets_truncated after truncate on catalog.products
  for each statement execute function catalog.product_facets_truncated();

-- Folds each group's rows into one and drops groups that came to zero. Safe beside writers and beside another
-- compaction: it deletes the rows its statement sees and writes back their sums in the same statement; a row
-- another compaction deleted first is neither deleted nor summed twice, and rows appended meanwhile are left.
create function catalog.compact_product_facet_groups() returns bigint language sql as $$
  with folded as (
    delete from catalog.product_facet_groups returning brand, category_ids, bucket, n
  ), kept as (
    insert into catalog.product_facet_groups (brand, category_ids, bucket, n)
    select brand, category_ids, bucket, sum(n) from folded
    group by 1, 2, 3
    having sum(n) <> 0
    returning 1
  )
  select count(*) from kept
$$;

insert into catalog.product_facet_groups (brand, category_ids, bucket, n)
select brand, category_ids, catalog.price_bucket(min_price_amount), count(*)
from catalog.products where status = 'active'
group by 1, 2, 3;
