-- Every write to a product gives it a new version, and every deletion leaves a tombstone with one, so the
-- search index can be written with external versioning: a late or replayed write never replaces a newer
-- document, and a deleted product is never brought back by a stale one.
create sequence catalog.product_versions;
-- Versions start at this migration's time in milliseconds: documents already in a search index were written
-- with Elasticsearch's own versions (a count of writes per document), which these exceed.
select setval('catalog.product_versions', (extract(epoch from clock_timestamp()) * 1000)::bigint);

alter table catalog.products add column version bigint not null default nextval('catalog.product_versions');
create index products_version_idx on catalog.products (version);

-- Set by a trigger so that no write path can forget it. A BEFORE UPDATE row trigger runs with the row
-- locked, so one product's versions grow in the order its changes commit.
create function catalog.next_product_version() returns trigger language plpgsql as $$
begin
  new.version := nextval('catalog.product_versions');
  return new;
end
$$;
create trigger products_version before update on catalog.products
  for each row execute function catalog.next_product_version();

-- Deleted products, with the version of their deletion: what a reindex that was running re-applies, and what
-- the index's delete carries.
create table catalog.product_tombstones (
  product_id text primary key,
  version bigint not null,
  deleted_at timestamptz not null default now()
);
create index product_tombstones_version_idx on catalog.product_tombstones (version);

create function catalog.record_product_tombstone() returns trigger language plpgsql as $$
begin
  insert into catalog.product_tombstones (product_id, version)
    values (old.id, nextval('catalog.product_versions'))
    on conflict (product_id) do update set version = excluded.version, deleted_at = excluded.deleted_at;
  return old;
end
$$;
create trigger products_tombstone after delete on catalog.products
  for each row execute function catalog.record_product_tombstone();
