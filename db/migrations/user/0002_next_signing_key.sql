-- A `next` key is published in the JWKS before it signs anything, so verifiers that cache the key set
-- already know it when a rotation promotes it to `active`.
alter table users.signing_keys drop constraint signing_keys_status_check;
alter table users.signing_keys
  add constraint signing_keys_status_check check (status in ('next', 'active', 'retiring', 'retired'));
create unique index signing_keys_one_next on users.signing_keys (status) where status = 'next';
