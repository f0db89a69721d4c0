-- Search that ignores accents and case, and bounds each match's similarity to the query cheaply.
--
-- Accents: a shopper typing "creme brulee" means "Crème Brûlée", and one typing "smorrebrod" means "Smørrebrød".
-- Names, brands and descriptions are folded (lower case, accents and ligatures spelled out by the unaccent
-- extension's rules) before they are indexed, and the search folds the query the same way, as the Elasticsearch
-- engine's asciifolding analyzers do. `search_name` is the folded name that typo matching and scoring compare.
--
-- Signatures: a 1024-bit signature of the folded name's trigrams, each trigram setting the bit its hash picks. Two
-- texts share at most as many trigrams as there are bits set in both signatures (plus the query's own
-- collisions), so a search bounds each match's trigram similarity to the query with two bit operations and
-- computes the exact similarities only for the few matches whose bound can still reach the page. The count of
-- trigrams alone (0007) could not tell a name sharing every trigram from one of the same length sharing none.
-- Row and query signatures both come from this function in the same database, so they always agree; a stored
-- generated column is computed again by every update and by every restore from a dump, and only an in-place major
-- upgrade that changed hashtext (unchanged since PostgreSQL 8.4) would need `update catalog.products set name =
-- name`.
create extension if not exists unaccent;

-- The function bodies are parsed here, so the extensions' functions and the dictionary are bound now, whatever
-- the search path of a later caller (a restore runs with an empty one).
create function catalog.fold(value text) returns text
  language sql immutable strict parallel safe
begin atomic
  select lower(unaccent('unaccent'::regdictionary, value));
end;

create function catalog.trigram_signature(value text) returns bit(1024)
  language sql immutable strict parallel safe
begin atomic
  select coalesce(bit_or(B'1'::bit(1024) >> (hashtext(t) & 1023)), repeat('0', 1024)::bit(1024))
  from unnest(show_trgm(lower(value))) t;
end;

drop index catalog.products_name_trgm_idx;
alter table catalog.products
  drop column search,
  drop column name_trigrams,
  add column search_name text generated always as (catalog.fold(name)) stored,
  add column search tsvector generated always as (
    setweight(to_tsvector('simple', catalog.fold(name)), 'A') ||
    setweight(to_tsvector('simple', coalesce(catalog.fold(brand), '')), 'B') ||
    setweight(to_tsvector('simple', catalog.fold(description)), 'C')
  ) stored,
  add column name_trigrams int generated always as (cardinality(show_trgm(catalog.fold(name)))) stored,
  add column name_trigram_signature bit(1024)
    generated always as (catalog.trigram_signature(catalog.fold(name))) stored;
create index products_search_idx on catalog.products using gin (search) with (gin_pending_list_limit = 256);
create index products_name_trgm_idx on catalog.products
  using gin (search_name gin_trgm_ops) with (gin_pending_list_limit = 256);
-- Autocomplete ranks the names that start with what was typed first: a range of this index, where the trigram
-- index would return every name with a word starting with one or two typed letters.
create index products_search_name_prefix_idx on catalog.products (search_name text_pattern_ops)
  where status = 'active';
-- Then the names with a word starting with each typed word. The search vector's index cannot tell a name's words
-- from a description's (a weight is checked row by row): "wa" read 35,000 rows to keep 1,400.
create index products_name_words_idx on catalog.products using gin (to_tsvector('simple', search_name))
  with (gin_pending_list_limit = 256) where status = 'active';
