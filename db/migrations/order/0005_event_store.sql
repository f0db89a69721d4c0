-- The order service's audit trail: every change to an order, hash-chained (eventStoreSql('orders') of
-- @myshop/event-store). Rebuilding an order from its entries gives the order as its rows tell it.
create table orders.event_store (
  seq bigint generated always as identity primary key,
  stream_type text not null,
  stream_id text not null,
  type text not null,
  version int not null check (version >= 1),
  data jsonb not null,
  actor text not null,
  occurred_at timestamptz not null,
  prev_hash text not null unique check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text not null check (hash ~ '^[0-9a-f]{64}$')
);
create index event_store_stream_idx on orders.event_store (stream_type, stream_id, seq);

create function orders.event_store_link() returns trigger language plpgsql as $$
declare
  head text;
begin
  perform pg_advisory_xact_lock(hashtextextended('orders.event_store', 0));
  select hash into head from orders.event_store order by seq desc limit 1;
  if new.prev_hash is distinct from coalesce(head, repeat('0', 64)) then
    raise exception 'orders.event_store: an entry must link to the last one' using errcode = 'restrict_violation';
  end if;
  return new;
end
$$;
create trigger event_store_link before insert on orders.event_store
  for each row execute function orders.event_store_link();

create function orders.event_store_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'orders.event_store is append-only: % refused', tg_op using errcode = 'restrict_violation';
end
$$;
create trigger event_store_append_only before update or delete on orders.event_store
  for each row execute function orders.event_store_append_only();
create trigger event_store_no_truncate before truncate on orders.event_store
  for each statement execute function orders.event_store_append_only();
alter table orders.event_store enable always trigger event_store_link;
alter table orders.event_store enable always trigger event_store_append_only;
alter table orders.event_store enable always trigger event_store_no_truncate;
