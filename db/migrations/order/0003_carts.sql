-- Carts of the embedded shop (a shop with Redis keeps them there): one row per cart, its lines as JSON, a version
-- that every write raises (compare-and-set), and the time it expires unless touched again.
create table orders.carts (
  id text primary key,
  user_id text,
  currency text,
  lines jsonb not null default '[]',
  version int not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  expires_at timestamptz not null
);
-- A shopper has one cart.
create unique index carts_user_idx on orders.carts (user_id) where user_id is not null;
create index carts_expires_idx on orders.carts (expires_at);
