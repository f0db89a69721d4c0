-- The product service's schema: categories (a tree), products, variants (SKU), images, and the
-- search document Postgres full-text search and trigram matching read.
create extension if not exists pg_trgm;

create table catalog.categories (
  id text primary key,
  parent_id text references catalog.categories (id) on delete restrict,
  name text not null,
  slug text not null unique,
  -- Names from the root, joined by ' > ' (e.g. 'Electronics > Phones'); kept in step by the service.
  path text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index categories_parent_idx on catalog.categories (parent_id);

create table catalog.products (
  id text primary key,
  slug text not null unique,
  name text not null,
  description text not null default '',
  brand text,
  attributes jsonb not null default '{}',
  status text not null check (status in ('draft', 'active', 'archived')),
  -- The cheapest variant, so price filters and sorts need no join; kept in step with the variants.
  min_price_amount bigint,
  currency char(3),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(brand, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(description, '')), 'C')
  ) stored
);
create index products_search_idx on catalog.products using gin (search);
create index products_name_trgm_idx on catalog.products using gin (lower(name) gin_trgm_ops);
create index products_status_created_idx on catalog.products (status, created_at desc, id desc);
create index products_status_price_idx on catalog.products (status, min_price_amount, id);
create index products_brand_idx on catalog.products (lower(brand));

create table catalog.product_categories (
  product_id text not null references catalog.products (id) on delete cascade,
  category_id text not null references catalog.categories (id) on delete restrict,
  primary key (product_id, category_id)
);
create index product_categories_category_idx on catalog.product_categories (category_id);

create table catalog.variants (
  id text primary key,
  product_id text not null references catalog.products (id) on delete cascade,
  sku text not null unique,
  options jsonb not null default '{}',
  price_amount bigint not null check (price_amount >= 0),
  currency char(3) not null,
  compare_at_amount bigint check (compare_at_amount is null or compare_at_amount >= 0),
  position int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index variants_product_idx on catalog.variants (product_id, position);

create table catalog.images (
  id text primary key,
  product_id text not null references catalog.products (id) on delete cascade,
  content_type text not null,
  width int not null,
  height int not null,
  bytes int not null,
  -- Storage keys of each rendition: { original, medium, thumbnail }.
  keys jsonb not null,
  position int not null default 0,
  created_at timestamptz not null default now()
);
create index images_product_idx on catalog.images (product_id, position);

create table catalog.outbox (
  seq bigint generated always as identity primary key,
  id text not null unique,
  type text not null,
  version int not null,
  source text not null,
  occurred_at timestamptz not null,
  data jsonb not null,
  traceparent text,
  request_id text,
  created_at timestamptz not null default now(),
  published_at timestamptz
);
create index outbox_unpublished_idx on catalog.outbox (seq) where published_at is null;

create table catalog.inbox (
  consumer text not null,
  event_id text not null,
  event_type text not null,
  handled_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
