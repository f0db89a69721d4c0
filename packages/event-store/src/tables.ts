import { assertSchemaName } from '@myshop/db'

/**
 * DDL for a service's `event_store`: the table, its stream index, and the triggers that keep it a chain. Copy it
 * into a migration of the service (`eventStoreSql('inventory')` prints the inventory service's).
 *
 * - `prev_hash` is unique: two entries linking to the same predecessor (a fork) cannot both exist, whatever the
 *   callers' locking or isolation level.
 * - A row is inserted only when it links to the last entry; the insert trigger takes the chain's advisory lock
 *   itself, so even an insert that bypassed `append` cannot link to a head another transaction is extending.
 * - UPDATE, DELETE and TRUNCATE are refused. The triggers are `enable always`, so a session in
 *   `session_replication_role = replica` is refused too; only disabling them (as the table's owner or a
 *   superuser) gets past, and `verify` finds what was changed that way.
 */
export const eventStoreSql = (schema: string): string => {
  const s = assertSchemaName(schema)
  return `create table ${s}.event_store (
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
create index event_store_stream_idx on ${s}.event_store (stream_type, stream_id, seq);

create function ${s}.event_store_link() returns trigger language plpgsql as $$
declare
  head text;
begin
  perform pg_advisory_xact_lock(hashtextextended('${s}.event_store', 0));
  select hash into head from ${s}.event_store order by seq desc limit 1;
  if new.prev_hash is distinct from coalesce(head, repeat('0', 64)) then
    raise exception '${s}.event_store: an entry must link to the last one' using errcode = 'restrict_violation';
  end if;
  return new;
end
$$;
create trigger event_store_link before insert on ${s}.event_store
  for each row execute function ${s}.event_store_link();

create function ${s}.event_store_append_only() returns trigger language plpgsql as $$
begin
  raise exception '${s}.event_store is append-only: % refused', tg_op using errcode = 'restrict_violation';
end
$$;
create trigger event_store_append_only before update or delete on ${s}.event_store
  for each row execute function ${s}.event_store_append_only();
create trigger event_store_no_truncate before truncate on ${s}.event_store
  for each statement execute function ${s}.event_store_append_only();
alter table ${s}.event_store enable always trigger event_store_link;
alter table ${s}.event_store enable always trigger event_store_append_only;
alter table ${s}.event_store enable always trigger event_store_no_truncate;
`
}

/** The key of the transaction-level advisory lock that serialises appends to one schema's chain. */
export const chainLockKey = (schema: string): string => `${assertSchemaName(schema)}.event_store`
