-- Search facets at catalog scale: a product carries the ids of its own categories (not their ancestors: the
-- search expands the filter's subtree instead), so the counts over a large matching set read one table in one
-- pass instead of joining every match to product_categories.
alter table catalog.products add column category_ids text[] not null default '{}';

create function catalog.linked_category_ids(product text) returns text[] language sql stable as $$
  select coalesce(array_agg(category_id order by category_id), '{}')
  from catalog.product_categories where product_id = product
$$;

update catalog.products p set category_ids = catalog.linked_category_ids(p.id);

create index products_category_ids_idx on catalog.products using gin (category_ids);

-- Kept in step by statement triggers on the links, so that no write path can forget it and a bulk import
-- refreshes each product it touched once per statement, not once per link.
create function catalog.refresh_product_category_ids() returns trigger language plpgsql as $$
begin
  update catalog.products p set category_ids = catalog.linked_category_ids(p.id)
  where p.id in (select product_id from changed_links);
  return null;
end
$$;
create trigger product_categories_inserted after insert on catalog.product_categories
  referencing new table as changed_links
  for each statement execute function catalog.refresh_product_category_ids();
create trigger product_categories_deleted after delete on catalog.product_categories
  referencing old table as changed_links
  for each statement execute function catalog.refresh_product_category_ids();

-- An update can move a link from one product to another: both products are refreshed.
create function catalog.refresh_moved_product_category_ids() returns trigger language plpgsql as $$
begin
  update catalog.products p set category_ids = catalog.linked_category_ids(p.id)
  where p.id in (select product_id from old_links union select product_id from new_links);
  return null;
end
$$;
create trigger product_categories_updated after update on catalog.product_categories
  referencing old table as old_links new table as new_links
  for each statement execute function catalog.refresh_moved_product_category_ids();
