-- Orders: the order row with its totals in minor units, its lines, its shipments and its status history.
create table orders.orders (
  id text primary key,
  user_id text,
  email text not null,
  status text not null check (status in ('pending', 'awaiting_payment', 'paid', 'fulfilled', 'delivered',
                                         'cancelled', 'partially_refunded', 'refunded')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  subtotal bigint not null check (subtotal >= 0),
  shipping bigint not null check (shipping >= 0),
  tax bigint not null check (tax >= 0),
  total bigint not null,
  refunded bigint not null default 0 check (refunded >= 0),
  shipping_address jsonb not null,
  shipping_option_id text not null,
  shipping_option_name text not null,
  shipping_option_amount bigint not null check (shipping_option_amount >= 0),
  payment_provider text not null,
  payment_id text,
  payment_status text,
  saga_id text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  constraint orders_total_adds_up check (total = subtotal + shipping + tax),
  constraint orders_refunded_within_total check (refunded <= total)
);
-- A customer's orders and everyone's, newest first (the pages' order), and the operators' look-up by address.
create index orders_user_created_idx on orders.orders (user_id, created_at desc, id desc);
create index orders_created_idx on orders.orders (created_at desc, id desc);
create index orders_email_idx on orders.orders (lower(email), created_at desc);
create index orders_saga_idx on orders.orders (saga_id);

create table orders.order_lines (
  order_id text not null references orders.orders (id),
  position int not null check (position >= 0),
  sku text not null,
  product_id text not null,
  name text not null,
  unit_price bigint not null check (unit_price >= 0),
  quantity int not null check (quantity > 0),
  line_total bigint not null,
  primary key (order_id, position),
  constraint order_lines_total_adds_up check (line_total = unit_price * quantity)
);

create table orders.fulfillments (
  id text primary key,
  order_id text not null references orders.orders (id),
  tracking_number text not null,
  carrier text,
  shipped_at timestamptz not null
);
create index fulfillments_order_idx on orders.fulfillments (order_id, shipped_at);

create table orders.order_history (
  seq bigint generated always as identity primary key,
  order_id text not null references orders.orders (id),
  status text not null,
  at timestamptz not null,
  actor text not null,
  note text
);
create index order_history_order_idx on orders.order_history (order_id, seq);
