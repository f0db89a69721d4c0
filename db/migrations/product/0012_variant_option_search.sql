-- Shoppers search by what a variant is: "navy jacket", "iphone 256 gb", "xl". A product keeps its variants' option
-- values on its row (`variant_terms`: each distinct value once, in byte order, separated by spaces), and its search
-- vector takes them at the lowest weight (D, below the description, as the rank's weights {D, C, B, A} already
-- allow), so they make a product match and lift it a little, never above a match by name.
alter table catalog.products add column variant_terms text not null default '';

create function catalog.variant_terms(product text) returns text language sql stable as $$
  select coalesce(string_agg(distinct o.value collate "C", ' ' order by o.value collate "C"), '')
  from catalog.variants v cross join lateral jsonb_each_text(v.options) o
  where v.product_id = product
$$;

-- Kept in step by statement triggers on the variants, so that no write path can forget them. A bulk import writes
-- each new product's terms with the product itself; the triggers then only look at products whose variants with
-- options changed, and rewrite only those whose stored terms differ.
create function catalog.refresh_variant_terms() returns trigger language plpgsql as $$
begin
  update catalog.products p set variant_terms = catalog.variant_terms(p.id)
  where p.id in (select product_id from changed_variants where options <> '{}'::jsonb)
    and p.variant_terms is distinct from catalog.variant_terms(p.id);
  return null;
end
$$;
create trigger variants_inserted after insert on catalog.variants
  referencing new table as changed_variants
  for each statement execute function catalog.refresh_variant_terms();
create trigger variants_deleted after delete on catalog.variants
  referencing old table as changed_variants
  for each statement execute function catalog.refresh_variant_terms();

-- An update can change a variant's options or move it to another product: both products are looked at.
create function catalog.refresh_changed_variant_terms() returns trigger language plpgsql as $$
begin
  update catalog.products p set variant_terms = catalog.variant_terms(p.id)
  where p.id in (
      select o.product_id from old_variants o join new_variants n using (id)
      where o.options is distinct from n.options or o.product_id is distinct from n.product_id
      union
      select n.product_id from old_variants o join new_variants n using (id)
      where o.options is distinct from n.options or o.product_id is distinct from n.product_id
    )
    and p.variant_terms is distinct from catalog.variant_terms(p.id);
  return null;
end
$$;
create trigger variants_updated after update on catalog.variants
  referencing old table as old_variants new table as new_variants
  for each statement execute function catalog.refresh_changed_variant_terms();

update catalog.products p set variant_terms = catalog.variant_terms(p.id)
where p.id in (select product_id from catalog.variants where options <> '{}'::jsonb);

alter table catalog.products
  drop column search,
  add column search tsvector generated always as (
    setweight(to_tsvector('simple', catalog.fold(name)), 'A') ||
    setweight(to_tsvector('simple', coalesce(catalog.fold(brand), '')), 'B') ||
    setweight(to_tsvector('simple', catalog.fold(description)), 'C') ||
    setweight(to_tsvector('simple', catalog.fold(variant_terms)), 'D')
  ) stored;
create index products_search_idx on catalog.products using gin (search) with (gin_pending_list_limit = 256);
