-- New entries of a GIN index first go to its pending list, an unordered list that every search through the
-- index reads in full, and reach the index proper only when the list outgrows gin_pending_list_limit (4 MB by
-- default) or autovacuum runs. After a 100,000-product import that took text searches from about 55 ms to about
-- 500 ms until autovacuum came round (up to a minute), and single writes let the lists grow towards 4 MB between
-- vacuums. With 256 kB the lists stay short for every search, at about 6% more import time (64 kB cost 40%).
-- The product service also empties the lists when a large import goes quiet.
alter index catalog.products_search_idx set (gin_pending_list_limit = 256);
alter index catalog.products_name_trgm_idx set (gin_pending_list_limit = 256);
alter index catalog.products_category_ids_idx set (gin_pending_list_limit = 256);
