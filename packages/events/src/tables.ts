import { assertSchemaName } from '@myshop/db'

/**
 * DDL for a service's `outbox` and `inbox` tables; copy it into the service's first migration.
 * For schema `users` it is exactly:
 *
 * ```sql
 * create table users.outbox (
 *   seq bigint generated always as identity primary key,
 *   id text not null unique,
 *   type text not null,
 *   version int not null,
 *   source text not null,
 *   occurred_at timestamptz not null,
 *   data jsonb not null,
 *   traceparent text,
 *   request_id text,
 *   created_at timestamptz not null default now(),
 *   published_at timestamptz
 * );
 * create index outbox_unpublished_idx on users.outbox (seq) where published_at is null;
 *
 * create table users.inbox (
 *   consumer text not null,
 *   event_id text not null,
 *   event_type text not null,
 *   handled_at timestamptz not null default now(),
 *   primary key (consumer, event_id)
 * );
 * ```
 *
 * `seq` gives the relay its publishing order; the partial index keeps the relay's scan small however
 * much published history the table keeps. The inbox primary key is what makes redelivery harmless.
 */
export const eventTablesSql = (schema: string): string => {
  const s = assertSchemaName(schema)
  return `create table ${s}.outbox (
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
create index outbox_unpublished_idx on ${s}.outbox (seq) where published_at is null;

create table ${s}.inbox (
  consumer text not null,
  event_id text not null,
  event_type text not null,
  handled_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
`
}
