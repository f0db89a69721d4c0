-- The inventory service's schema: stock per SKU and location, its append-only ledger, and reservations, with the
-- outbox and inbox every service has.
create table inventory.outbox (
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
create index outbox_unpublished_idx on inventory.outbox (seq) where published_at is null;

create table inventory.inbox (
  consumer text not null,
  event_id text not null,
  event_type text not null,
  handled_at timestamptz not null default now(),
  primary key (consumer, event_id)
);

-- One row per SKU the shop sells. `low` remembers that `stock.low` was emitted for the current dip below the
-- threshold, so it is emitted once per crossing; it clears when stock rises above the threshold again.
create table inventory.skus (
  sku text primary key,
  low_stock_threshold int check (low_stock_threshold >= 0),
  low boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index skus_threshold_idx on inventory.skus (sku) where low_stock_threshold is not null;

-- The database itself refuses overselling: neither count goes negative and nothing is reserved that is not on hand.
create table inventory.stock (
  sku text not null references inventory.skus (sku),
  location text not null,
  on_hand int not null default 0 check (on_hand >= 0),
  reserved int not null default 0 check (reserved >= 0),
  available int generated always as (on_hand - reserved) stored,
  updated_at timestamptz not null default now(),
  primary key (sku, location),
  check (reserved <= on_hand)
);

create table inventory.reservations (
  id text primary key,
  -- A retried request with the same key finds the reservation the first one made instead of making another.
  idempotency_key text not null unique,
  -- What the request carried, so a key reused with another request is refused rather than answered wrongly.
  fingerprint text not null,
  reference text not null,
  status text not null check (status in ('reserved', 'committed', 'released', 'expired')),
  actor text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index reservations_expiry_idx on inventory.reservations (expires_at) where status = 'reserved';

create table inventory.reservation_lines (
  reservation_id text not null references inventory.reservations (id),
  sku text not null,
  location text not null,
  quantity int not null check (quantity > 0),
  primary key (reservation_id, sku, location),
  foreign key (sku, location) references inventory.stock (sku, location)
);

-- Every change to on_hand, with who made it and why: the sum of a SKU's deltas at a location is its on_hand.
create table inventory.adjustments (
  seq bigint generated always as identity primary key,
  id text not null unique,
  sku text not null,
  location text not null,
  delta int not null check (delta <> 0),
  reason text not null,
  actor text not null,
  reservation_id text references inventory.reservations (id),
  created_at timestamptz not null,
  foreign key (sku, location) references inventory.stock (sku, location)
);
create index adjustments_stock_idx on inventory.adjustments (sku, location, seq);

-- The ledger is append-only: a correction is a new adjustment, never an edit.
create function inventory.adjustments_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'inventory.adjustments is append-only' using errcode = 'restrict_violation';
end
$$;
create trigger adjustments_append_only before update or delete on inventory.adjustments
  for each row execute function inventory.adjustments_append_only();
create trigger adjustments_no_truncate before truncate on inventory.adjustments
  for each statement execute function inventory.adjustments_append_only();
