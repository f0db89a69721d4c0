-- New entries of a GIN index first go to its pending list, an unordered list that every search through the
-- index reads in full, and reach the index proper only when the list outgrows gin_pending_list_limit (4 MB by
-- default) or a vacuum runs. Full 4 MB lists made text searches about 500 ms instead of 55 ms. The product
-- service merges the lists after large imports and every minute; this limit bounds them in between. At 1 MB a
-- 100,000-product import is as fast as at 4 MB; 256 kB cost 10% of the import's time and 64 kB 40%.
alter index catalog.products_search_idx set (gin_pending_list_limit = 1024);
alter index catalog.products_name_trgm_idx set (gin_pending_list_limit = 1024);
alter index catalog.products_category_ids_idx set (gin_pending_list_limit = 1024);
