-- Real providers: Stripe and PayPal join the test provider. What the shopper must do is no longer always a URL
-- (Stripe.js finishes a check from a client secret), disputes are recorded, and every webhook is kept once by the
-- provider's event id with what it was about.
alter table payments.payments add column next_action jsonb
  check (next_action is null or (jsonb_typeof(next_action) = 'object' and next_action ? 'type'));
update payments.payments set next_action = jsonb_build_object('type', 'redirect', 'url', next_action_url)
  where next_action_url is not null;
alter table payments.payments drop column next_action_url;
alter table payments.payments add constraint payments_provider_check check (provider in ('test', 'stripe', 'paypal'));

-- A dispute (chargeback) the shopper's bank opened: one row per provider dispute, its latest status kept.
create table payments.disputes (
  id text primary key,
  payment_id text not null references payments.payments (id),
  provider text not null,
  provider_dispute_id text not null,
  amount bigint not null check (amount >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  reason text not null,
  status text not null,
  opened_at timestamptz not null,
  updated_at timestamptz not null,
  unique (provider, provider_dispute_id)
);
create index disputes_payment_idx on payments.disputes (payment_id);

-- Receipts say what each webhook was, and which payment it concerned once found.
alter table payments.webhook_receipts add column event_type text;
alter table payments.webhook_receipts add column payment_id text references payments.payments (id);
create index payments_created_idx on payments.payments (provider, created_at);
