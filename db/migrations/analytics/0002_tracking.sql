-- Shoppers' tracked events, partitioned by month of the event's time, and the rollups reports read, kept up to date
-- in the transaction that inserts the events. Monthly partitions are made ahead by the service (this month and the
-- next two) and old ones dropped whole by retention; an event outside every monthly partition lands in the default
-- one, which the service later moves into a partition of its month, so nothing is refused for want of one.
create table analytics.tracked_events (
  id text not null,
  type text not null,
  anonymous_id text not null,
  session_id text not null,
  user_id text,
  time timestamptz not null,
  received_at timestamptz not null,
  properties jsonb not null,
  -- The client's address cut to its /24 (IPv4) or /48 (IPv6) network: never a whole address.
  ip_prefix text,
  -- The browser's family (Chrome, Firefox, ...), never the raw user agent.
  user_agent text,
  -- A retried batch (same client id, same time) is inserted once.
  primary key (id, time)
) partition by range (time);

create table analytics.tracked_events_default partition of analytics.tracked_events default;

create index tracked_events_session_idx on analytics.tracked_events (session_id, time);

-- Events by type per hour and per UTC day.
create table analytics.event_counts_hourly (
  bucket timestamptz not null,
  type text not null,
  events bigint not null,
  primary key (bucket, type)
);

create table analytics.event_counts_daily (
  bucket timestamptz not null,
  type text not null,
  events bigint not null,
  primary key (bucket, type)
);

-- One row per shopping session: when its earliest known event happened and which funnel steps it reached
-- (bits: 1 product_view, 2 add_to_cart, 4 checkout_started, 8 purchase). The funnel rollups count each session once,
-- in the bucket of `first_time`; an earlier event arriving later moves the session to its new bucket.
create table analytics.tracked_sessions (
  session_id text primary key,
  first_time timestamptz not null,
  steps int not null
);

create index tracked_sessions_first_time_idx on analytics.tracked_sessions (first_time);

create table analytics.funnel_hourly (
  bucket timestamptz primary key,
  sessions bigint not null,
  viewed bigint not null,
  carted bigint not null,
  checked_out bigint not null,
  purchased bigint not null
);

create table analytics.funnel_daily (
  bucket timestamptz primary key,
  sessions bigint not null,
  viewed bigint not null,
  carted bigint not null,
  checked_out bigint not null,
  purchased bigint not null
);

-- Searches per normalized term (lower-cased, trimmed, spaces collapsed) per hour and per UTC day.
create table analytics.search_terms_hourly (
  bucket timestamptz not null,
  term text not null,
  searches bigint not null,
  zero_results bigint not null,
  results_sum bigint not null,
  primary key (bucket, term)
);

create table analytics.search_terms_daily (
  bucket timestamptz not null,
  term text not null,
  searches bigint not null,
  zero_results bigint not null,
  results_sum bigint not null,
  primary key (bucket, term)
);
