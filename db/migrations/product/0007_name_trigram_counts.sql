-- Relevance at catalog scale: the number of distinct trigrams of the lower-cased name, the one per-row part of
-- the name's similarity to a query that does not depend on the query. With it the search bounds each match's
-- score cheaply and computes the trigram similarities exactly only for the matches that can reach the page.
alter table catalog.products
  add column name_trigrams int generated always as (cardinality(show_trgm(lower(name)))) stored;
