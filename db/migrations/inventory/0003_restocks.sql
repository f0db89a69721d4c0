-- Committed units put back on hand (goods returned, an order cancelled after its stock was taken), each request
-- once per idempotency key. What was put back is in the adjustments ledger (reason 'returned to stock').
create table inventory.restocks (
  reservation_id text not null references inventory.reservations (id),
  idempotency_key text not null,
  fingerprint text not null,
  actor text not null,
  created_at timestamptz not null,
  primary key (reservation_id, idempotency_key)
);
