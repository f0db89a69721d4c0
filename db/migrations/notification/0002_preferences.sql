-- What each person wants to hear about and through which channel, where to reach them, the browsers that take
-- their push notifications, and the service's own VAPID key pair that signs every push.

-- A row per choice made; a category and channel with no row has its default (transactional on, marketing off).
create table notifications.preferences (
  user_id text not null,
  category text not null check (category in ('account', 'order', 'staff', 'marketing')),
  channel text not null check (channel in ('email', 'sms', 'push')),
  enabled boolean not null,
  updated_at timestamptz not null default now(),
  primary key (user_id, category, channel)
);

create table notifications.contacts (
  user_id text primary key,
  email text,
  -- E.164; SMS goes to it only with phone_opt_in.
  phone text,
  phone_opt_in boolean not null default false,
  -- IANA zone for SMS quiet hours; null reads as UTC.
  time_zone text,
  locale text,
  updated_at timestamptz not null default now()
);

create table notifications.push_subscriptions (
  id text primary key,
  user_id text not null,
  endpoint text not null unique,
  p256dh text not null,
  auth text not null,
  created_at timestamptz not null default now()
);
create index push_subscriptions_user_idx on notifications.push_subscriptions (user_id);

-- One key pair for the service, made on first boot; the check keeps it to one row whatever boots race.
create table notifications.vapid_keys (
  id int primary key check (id = 1),
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null default now()
);
