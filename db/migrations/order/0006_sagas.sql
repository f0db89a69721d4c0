-- Sagas: checkout, cancel and refund run as sequences of steps across the inventory and payment services, each
-- step recorded before and after its call, so a crash at any point is resumed (or compensated) by the recovery
-- loop, and an operator can see every step.
create table orders.sagas (
  id text primary key,
  kind text not null check (kind in ('checkout', 'cancel', 'refund')),
  order_id text not null,
  status text not null
    check (status in ('running', 'awaiting_action', 'completed', 'compensating', 'compensated', 'needs_attention')),
  current_step text,
  -- What the steps need (cart lines, amounts, payment token) and what they learnt (failure, next action).
  payload jsonb not null default '{}',
  -- The instance running the saga, until when; an expired lease is taken over by the recovery loop.
  lease_owner text,
  lease_until timestamptz,
  next_attempt_at timestamptz not null,
  attempts int not null default 0 check (attempts >= 0),
  last_error text,
  -- A saga awaiting the customer is compensated past this.
  action_deadline timestamptz,
  -- The caller-scoped Idempotency-Key of the request that started it, and a fingerprint of that request.
  idempotency_key text unique,
  fingerprint text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index sagas_due_idx on orders.sagas (next_attempt_at)
  where status in ('running', 'compensating', 'awaiting_action');
create index sagas_order_idx on orders.sagas (order_id);
create index sagas_list_idx on orders.sagas (created_at desc, id desc);
create index sagas_status_idx on orders.sagas (status, created_at desc, id desc);

create table orders.saga_steps (
  saga_id text not null references orders.sagas (id),
  name text not null,
  direction text not null check (direction in ('forward', 'compensate')),
  status text not null check (status in ('started', 'succeeded', 'failed')),
  attempts int not null default 0 check (attempts >= 0),
  started_at timestamptz not null,
  finished_at timestamptz,
  error text,
  -- What the step's call answered that later steps need: a reservation id, a payment id.
  result jsonb,
  seq bigint generated always as identity,
  primary key (saga_id, name, direction)
);
create index saga_steps_seq_idx on orders.saga_steps (saga_id, seq);

-- One checkout of a cart under way at a time, whatever keys its requests carry.
create unique index sagas_cart_checkout_idx on orders.sagas ((payload ->> 'cartId'))
  where kind = 'checkout' and status in ('running', 'awaiting_action', 'compensating');
