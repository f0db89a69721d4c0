import { assertSchemaName } from '@myshop/db'

/**
 * DDL for `<schema>.idempotency_keys`; copy it into the service's migration. For schema `users` it is exactly:
 *
 * ```sql
 * create table users.idempotency_keys (
 *   scope text not null,
 *   key text not null,
 *   fingerprint text not null,
 *   status text not null check (status in ('in_flight', 'completed')),
 *   owner text not null,
 *   response_status int,
 *   response_headers jsonb,
 *   response_body text,
 *   created_at timestamptz not null,
 *   locked_until timestamptz not null,
 *   expires_at timestamptz not null,
 *   primary key (scope, key)
 * );
 * create index idempotency_keys_expires_idx on users.idempotency_keys (expires_at);
 * ```
 *
 * `owner` is a random token per attempt, so a request that outlived its lock cannot complete or delete the row
 * of the attempt that took over. `locked_until` lets a key held by a crashed process be retried before it expires.
 */
export const idempotencyTableSql = (schema: string): string => {
  const s = assertSchemaName(schema)
  return `create table ${s}.idempotency_keys (
  scope text not null,
  key text not null,
  fingerprint text not null,
  status text not null check (status in ('in_flight', 'completed')),
  owner text not null,
  response_status int,
  response_headers jsonb,
  response_body text,
  created_at timestamptz not null,
  locked_until timestamptz not null,
  expires_at timestamptz not null,
  primary key (scope, key)
);
create index idempotency_keys_expires_idx on ${s}.idempotency_keys (expires_at);
`
}
