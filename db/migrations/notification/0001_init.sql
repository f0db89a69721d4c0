-- The notification service's schema: its outbox and inbox, the deliveries it makes (one per event, channel and
-- recipient), the addresses it must no longer write to, and the jobs of its queue when it runs without Redis.
create table notifications.outbox (
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
create index outbox_unpublished_idx on notifications.outbox (seq) where published_at is null;

create table notifications.inbox (
  consumer text not null,
  event_id text not null,
  event_type text not null,
  handled_at timestamptz not null default now(),
  primary key (consumer, event_id)
);

-- One message about one fact to one recipient: the unique key is what makes a redelivered event send nothing new.
-- `payload` is the rendered message, so a retry sends exactly what the first attempt did. A delivery being sent is
-- leased (`lease_owner`, `lease_until`) to the worker sending it; another takes it over only after the lease.
create table notifications.deliveries (
  id text primary key,
  event_id text not null,
  event_type text not null,
  template text not null,
  channel text not null check (channel in ('email', 'sms', 'push')),
  recipient text not null,
  category text not null check (category in ('account', 'order', 'staff', 'marketing')),
  status text not null default 'queued'
    check (status in ('queued', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'suppressed')),
  attempts int not null default 0,
  last_error text,
  provider text,
  provider_message_id text,
  payload jsonb not null,
  lease_owner text,
  lease_until timestamptz,
  next_attempt_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, channel, recipient)
);
create index deliveries_status_idx on notifications.deliveries (status, id);
create index deliveries_recipient_idx on notifications.deliveries (recipient, id);
create index deliveries_provider_message_idx on notifications.deliveries (provider, provider_message_id)
  where provider_message_id is not null;

-- Recipients never written to again on a channel (a hard bounce, a spam report).
create table notifications.suppressions (
  channel text not null,
  recipient text not null,
  reason text not null,
  created_at timestamptz not null default now(),
  primary key (channel, recipient)
);

-- The queue's jobs without Redis: waiting until run_at, active while leased, dead after the last attempt.
-- A completed job is deleted, so its id may be queued again.
create table notifications.jobs (
  id text primary key,
  lane text not null,
  data jsonb not null,
  status text not null default 'waiting' check (status in ('waiting', 'active', 'dead')),
  attempts int not null default 0,
  run_at timestamptz not null,
  lease_token text,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index jobs_due_idx on notifications.jobs (lane, run_at) where status = 'waiting';
create index jobs_leased_idx on notifications.jobs (lane, lease_until) where status = 'active';
