-- Disputes: a chargeback the shopper's bank opened over an order's payment, as the payment service reports it
-- (payment.disputed). Null while the order has none; the latest report of its dispute otherwise.
alter table orders.orders
  add column dispute_id text,
  add column dispute_amount bigint check (dispute_amount >= 0),
  add column dispute_currency text check (dispute_currency ~ '^[A-Z]{3}$'),
  add column dispute_reason text,
  add column dispute_status text,
  add column dispute_opened_at timestamptz,
  add constraint orders_dispute_whole check (
    (dispute_id is null) = (dispute_amount is null) and (dispute_id is null) = (dispute_currency is null)
    and (dispute_id is null) = (dispute_reason is null) and (dispute_id is null) = (dispute_status is null)
    and (dispute_id is null) = (dispute_opened_at is null));
-- The operators' list of disputed orders, newest first.
create index orders_disputed_idx on orders.orders (created_at desc, id desc) where dispute_id is not null;
