-- The analytics service's schema: its outbox and inbox, before any table of its own.
create table analytics.outbox (
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
create index outbox_unpublished_idx on analytics.outbox (seq) where published_at is null;

create table analytics.inbox (
  consumer text not null,
  event_id text not null,
  event_type text not null,
  handled_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
