-- Shipping options with a price per currency, and tax rates per destination country.

create table orders.shipping_options (
  id text primary key,
  name text not null check (length(name) between 1 and 100),
  description text not null default '' check (length(description) <= 500),
  -- ISO 3166-1 alpha-2 codes the option delivers to; empty for everywhere.
  countries text[] not null default '{}',
  min_days int not null check (min_days >= 0),
  max_days int not null check (max_days >= min_days),
  is_default boolean not null default false,
  -- Options are deactivated, never deleted: orders keep naming the option they were shipped with.
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint shipping_options_default_is_active check (active or not is_default)
);

-- Exactly one option is the default: this index refuses a second, the service refuses to leave none.
create unique index shipping_options_one_default on orders.shipping_options (is_default) where is_default;

-- An option is offered in a currency only when it has a price in it.
create table orders.shipping_option_prices (
  option_id text not null references orders.shipping_options (id) on delete cascade,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  amount int not null check (amount >= 0),
  -- The subtotal at or above which shipping is free; null for never.
  free_over int check (free_over >= 0),
  primary key (option_id, currency)
);

-- Exclusive tax per destination country, in basis points (1900 = 19%); a country without a row is taxed at 0.
create table orders.tax_rates (
  country text primary key check (country ~ '^[A-Z]{2}$'),
  rate int not null check (rate between 0 and 10000),
  updated_at timestamptz not null default now()
);

-- A fresh install delivers everywhere with one default option, so a shop can sell at once.
insert into orders.shipping_options (id, name, description, countries, min_days, max_days, is_default)
values ('shp_standard', 'Standard delivery', 'Tracked parcel delivery', '{}', 3, 5, true);

insert into orders.shipping_option_prices (option_id, currency, amount, free_over)
values ('shp_standard', 'EUR', 495, 5000), ('shp_standard', 'USD', 595, 6000), ('shp_standard', 'GBP', 450, 4500);
