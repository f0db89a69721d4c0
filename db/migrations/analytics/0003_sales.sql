-- Sales facts: one row per order line sold or refunded, the product dimension reports name them by, and the
-- rollups reports read. Every rollup is maintained in the transaction that writes the facts it sums.

-- The products sold, as the product service last told: kept from product and category events, so reports show
-- today's name, brand and category for all of a product's history.
create table analytics.products (
  product_id text primary key,
  name text,
  brand text,
  category_id text,
  category_name text,
  skus text[] not null default '{}',
  deleted boolean not null default false,
  updated_at timestamptz not null
);
create index products_category_idx on analytics.products (category_id);

-- Every SKU known, from the catalog or from a sale, with its product: the inventory report's rows.
create table analytics.skus (
  sku text primary key,
  product_id text not null
);

-- What is known of each order's money: its goods subtotal and total, and how much of the total (and of its goods)
-- has been given back so far, so each refund event's cumulative figure turns into the amount it adds.
create table analytics.orders (
  order_id text primary key,
  currency text not null,
  customer text,
  subtotal bigint not null,
  total bigint not null,
  refunded bigint not null default 0,
  goods_refunded bigint not null default 0,
  cancelled boolean not null default false
);

-- One row per order line and kind: a sale (refund_key ''), or a refund (refund_key names it: the event or the
-- imported refund). Amounts are signed minor units: refunds are negative. `category` and `brand` are as known
-- when the fact was recorded; reports name products by the dimension instead.
create table analytics.sales_facts (
  order_id text not null,
  line_no int not null,
  kind text not null check (kind in ('sale', 'refund')),
  refund_key text not null default '',
  occurred_at timestamptz not null,
  product_id text not null,
  sku text not null,
  category text,
  brand text,
  customer text,
  currency text not null,
  quantity int not null,
  amount bigint not null,
  primary key (order_id, kind, refund_key, line_no)
);
create index sales_facts_occurred_idx on analytics.sales_facts (occurred_at);

-- Sums by hour and by day (UTC), per currency and product; product_id '' holds the whole shop, whose `orders` is
-- the number of distinct orders (an order with two products counts once there, once under each product).
create table analytics.sales_hourly (
  bucket timestamptz not null,
  currency text not null,
  product_id text not null,
  orders bigint not null default 0,
  units bigint not null default 0,
  revenue bigint not null default 0,
  refunds bigint not null default 0,
  primary key (bucket, currency, product_id)
);
create table analytics.sales_daily (like analytics.sales_hourly including all);
create index sales_hourly_product_idx on analytics.sales_hourly (product_id, bucket);
create index sales_daily_product_idx on analytics.sales_daily (product_id, bucket);

-- Units sold per SKU by hour and by day, for the inventory report's rate of sale.
create table analytics.sku_hourly (
  bucket timestamptz not null,
  sku text not null,
  units bigint not null default 0,
  primary key (sku, bucket)
);
create table analytics.sku_daily (like analytics.sku_hourly including all);

-- Customers by their first purchase, and the months they bought in: cohorts are counted from these.
create table analytics.customers (
  customer text primary key,
  first_purchase_at timestamptz not null
);
create table analytics.customer_months (
  customer text not null,
  month timestamptz not null,
  primary key (customer, month)
);

-- Per cohort (month of first purchase) and month: how many of its customers bought (the cohort's own month is
-- its size). Moved with a customer whose earlier purchase arrives late.
create table analytics.cohort_activity (
  cohort timestamptz not null,
  month timestamptz not null,
  customers bigint not null default 0,
  primary key (cohort, month)
);
