-- The user service's schema: accounts, refresh-token families (sessions) and signing keys.
create table users.accounts (
  id text primary key,
  email text not null,
  name text not null,
  password_hash text not null,
  roles text[] not null default '{customer}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Emails are compared case-insensitively; the stored form keeps what the user typed.
create unique index accounts_email_key on users.accounts (lower(email));
create index accounts_roles_idx on users.accounts using gin (roles);

-- One family per sign-in: every refresh token it ever issued belongs to it, and reusing a
-- rotated token revokes the whole family.
create table users.token_families (
  id text primary key,
  user_id text not null references users.accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text,
  user_agent text,
  ip text
);
create index token_families_user_idx on users.token_families (user_id) where revoked_at is null;

create table users.refresh_tokens (
  token_hash text primary key,
  family_id text not null references users.token_families (id) on delete cascade,
  parent_hash text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index refresh_tokens_family_idx on users.refresh_tokens (family_id);

-- ES256 keys for access tokens. `active` signs; `retiring` still verifies until tokens signed
-- with it have expired; `retired` is kept for the record only.
create table users.signing_keys (
  kid text primary key,
  alg text not null,
  public_jwk jsonb not null,
  private_jwk jsonb not null,
  status text not null check (status in ('active', 'retiring', 'retired')),
  created_at timestamptz not null default now(),
  retiring_at timestamptz,
  retired_at timestamptz
);
create unique index signing_keys_one_active on users.signing_keys (status) where status = 'active';

-- Transactional outbox and consumer inbox (the layout @myshop/events expects).
create table users.outbox (
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
create index outbox_unpublished_idx on users.outbox (seq) where published_at is null;

create table users.inbox (
  consumer text not null,
  event_id text not null,
  event_type text not null,
  handled_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
