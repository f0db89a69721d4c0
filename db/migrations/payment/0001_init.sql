-- The payment service's schema: payments, their append-only ledger of provider calls, refunds, the receipts of
-- provider callbacks, and the test provider's own records, with the outbox and inbox every service has.
create table payments.outbox (
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
create index outbox_unpublished_idx on payments.outbox (seq) where published_at is null;

create table payments.inbox (
  consumer text not null,
  event_id text not null,
  event_type text not null,
  handled_at timestamptz not null default now(),
  primary key (consumer, event_id)
);

-- Amounts are integer minor units of `currency`; the database refuses refunding more than was captured and
-- capturing more than was authorized, whatever the code above it does.
create table payments.payments (
  id text primary key,
  -- A retried request with the same key finds the payment the first one made instead of making another.
  idempotency_key text not null unique,
  -- What the request carried, so a key reused with another request is refused rather than answered wrongly.
  fingerprint text not null,
  reference text not null,
  amount bigint not null check (amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  status text not null check (status in ('pending', 'requires_action', 'authorized', 'captured', 'voided',
    'refunded', 'partially_refunded', 'failed')),
  provider text not null,
  provider_reference text,
  next_action_url text,
  failure_reason text,
  captured_amount bigint not null default 0 check (captured_amount >= 0 and captured_amount <= amount),
  -- Counts refunds under way as well as those made, so two at once cannot together pass what was captured.
  refunded_amount bigint not null default 0 check (refunded_amount >= 0 and refunded_amount <= captured_amount),
  -- Set while a request is calling the provider for this payment, so an identical request arriving meanwhile
  -- waits its turn (409) instead of calling the provider a second time.
  busy_until timestamptz,
  actor text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index payments_reference_idx on payments.payments (reference);
create unique index payments_provider_reference_idx on payments.payments (provider, provider_reference);

create table payments.refunds (
  id text primary key,
  payment_id text not null references payments.payments (id),
  idempotency_key text not null,
  amount bigint not null check (amount > 0),
  status text not null check (status in ('pending', 'succeeded', 'failed')),
  provider_reference text,
  -- Set while a request is calling the provider for this refund, as on payments.
  busy_until timestamptz,
  actor text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (payment_id, idempotency_key)
);

-- Every call made to a provider and what came of it, in order: the history a dispute is settled from.
create table payments.transactions (
  seq bigint generated always as identity primary key,
  id text not null unique,
  payment_id text not null references payments.payments (id),
  kind text not null check (kind in ('authorize', 'capture', 'void', 'refund')),
  amount bigint not null check (amount >= 0),
  currency text not null,
  provider_reference text,
  idempotency_key text not null,
  outcome text not null check (outcome in ('succeeded', 'requires_action', 'declined', 'failed', 'timeout')),
  detail text,
  created_at timestamptz not null
);
create index transactions_payment_idx on payments.transactions (payment_id, seq);

-- The ledger is append-only: a correction is a new transaction, never an edit.
create function payments.transactions_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'payments.transactions is append-only' using errcode = 'restrict_violation';
end
$$;
create trigger transactions_append_only before update or delete on payments.transactions
  for each row execute function payments.transactions_append_only();
create trigger transactions_no_truncate before truncate on payments.transactions
  for each statement execute function payments.transactions_append_only();

-- The callbacks providers sent, by their own event id: one seen before is a replay and is refused.
create table payments.webhook_receipts (
  provider text not null,
  event_id text not null,
  received_at timestamptz not null,
  primary key (provider, event_id)
);

-- The test provider's side, standing in for a card processor's own records: its charges, keyed by the
-- idempotency key the payment service sent, so a retried call finds the charge it made.
create table payments.test_provider_charges (
  id text primary key,
  idempotency_key text not null unique,
  token text not null,
  amount bigint not null check (amount > 0),
  currency text not null,
  status text not null check (status in ('requires_action', 'authorized', 'declined', 'captured', 'voided')),
  decline_reason text,
  captured_amount bigint not null default 0,
  refunded_amount bigint not null default 0 check (refunded_amount <= captured_amount),
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- Its captures, voids and refunds, by the idempotency key sent with each, so a retry is answered, not repeated.
create table payments.test_provider_operations (
  id text primary key,
  idempotency_key text not null unique,
  charge_id text not null references payments.test_provider_charges (id),
  kind text not null check (kind in ('capture', 'void', 'refund')),
  amount bigint not null,
  created_at timestamptz not null
);
