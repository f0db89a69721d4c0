-- A 1024-bit signature of the lower-cased name's trigrams: each trigram sets the bit its hash picks. Two texts
-- share at most as many trigrams as there are bits set in both signatures (plus the query's own collisions), so
-- a search bounds each match's trigram similarity to the query with two bit operations, and computes the exact
-- similarities only for the few matches whose bound can still reach the page. The count of trigrams alone
-- (0007) could not tell a name sharing every trigram from one of the same length sharing none.
--
-- Row and query signatures both come from this function in the same database, so they always agree. A stored
-- generated column is computed again by every update and by every restore from a dump; only an in-place major
-- upgrade that changed hashtext (unchanged since PostgreSQL 8.4) would need `update catalog.products set name =
-- name`.
create function catalog.trigram_signature(value text) returns bit(1024)
  language sql immutable strict parallel safe
begin atomic
  select coalesce(bit_or(B'1'::bit(1024) >> (hashtext(t) & 1023)), repeat('0', 1024)::bit(1024))
  from unnest(show_trgm(lower(value))) t;
end;

alter table catalog.products
  add column name_trigram_signature bit(1024)
    generated always as (catalog.trigram_signature(name)) stored;
